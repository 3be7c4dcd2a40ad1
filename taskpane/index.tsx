/**
 * Entry point of taskpane.html: wait for Office, pick the host and the language, mount the App.
 * In Excel the host is the Office.js adapter; in a plain browser (no Office global, or
 * Office.onReady resolving with host null) only the policy browser is offered.
 */
import { createRoot } from "react-dom/client";
import type { FillHost } from "../src/fill";
import { App } from "./App";
import { ExcelFillHost } from "./excel";
import { pickLanguage, type Language } from "./strings";

interface Startup {
  host: FillHost | null;
  language: Language;
}

async function detectHost(): Promise<Startup> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    return { host: null, language: "zh" };
  }
  const info = await Office.onReady();
  const language = pickLanguage(Office.context?.displayLanguage);
  // Compare the enum's string value: a test double of office.js need not define Office.HostType.
  const inExcel = String(info.host) === "Excel";
  return { host: inExcel ? new ExcelFillHost() : null, language };
}

async function start(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) return;
  const { host, language } = await detectHost().catch((): Startup => ({ host: null, language: "zh" }));
  document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
  createRoot(container).render(<App host={host} language={language} />);
}

void start();
