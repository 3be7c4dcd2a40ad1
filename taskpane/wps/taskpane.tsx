/**
 * Entry point of the WPS task pane (taskpane.html): the same App as in Excel, over the ET
 * object model. The ribbon button picks the tab through the URL hash (#fill, #lookup, #policy).
 * Outside WPS (a plain browser) only the policy browser is offered, as in Excel.
 */
import { createRoot } from "react-dom/client";
import { App } from "../App";
import type { EtAddinRoot } from "./et-api";
import { WpsFillHost } from "./wps-fill-host";

type TabId = "fill" | "lookup" | "policy";
const TABS: readonly TabId[] = ["fill", "lookup", "policy"];

function etRoot(): EtAddinRoot | null {
  const root = (window as Window & { Application?: EtAddinRoot }).Application;
  return root && typeof root === "object" && "ActiveWorkbook" in root ? root : null;
}

function start(): void {
  const container = document.getElementById("container");
  if (!container) return;
  const root = etRoot();
  const host = root ? new WpsFillHost(root) : null;
  const hash = location.hash.replace(/^#/, "") as TabId;
  const initialTab = TABS.includes(hash) ? hash : undefined;
  createRoot(container).render(<App host={host} language="zh" initialTab={initialTab} />);
}

start();
