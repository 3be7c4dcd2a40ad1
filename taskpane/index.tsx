/**
 * Entry point of taskpane.html: wait for Office, pick the host and the language, mount the App.
 * In Excel the host is the Office.js adapter; in a plain browser (no Office global, or
 * Office.onReady resolving with host null) only the policy browser is offered.
 *
 * This page is also the shared runtime of the custom functions (functions.js is loaded first,
 * and this bundle takes the policy core from it: one module state). It runs when the runtime
 * starts, even with the pane closed, so it is where the documents the official imported into
 * the workbook are made active again (restoreWorkbookPolicies) before the pane is shown.
 */
import { createRoot } from "react-dom/client";
import type { FillHost } from "../src/fill";
import { App } from "./App";
import { PolicyStoreContext, type PolicyStore } from "./components/policyStore";
import { ExcelFillHost, restoreWorkbookPolicies, workbookPolicyStore } from "./excel";
import { pickLanguage, type Language } from "./strings";

interface Startup {
  host: FillHost | null;
  language: Language;
  policyStore: PolicyStore | null;
}

async function detectHost(): Promise<Startup> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    return { host: null, language: "zh", policyStore: null };
  }
  const info = await Office.onReady();
  const language = pickLanguage(Office.context?.displayLanguage);
  // Compare the enum's string value: a test double of office.js need not define Office.HostType.
  const inExcel = String(info.host) === "Excel";
  if (!inExcel) return { host: null, language, policyStore: null };
  // Even a synchronous failure (no document settings) leaves the add-in usable with the built-in documents.
  const restored = await Promise.resolve()
    .then(restoreWorkbookPolicies)
    .catch((error: unknown) => ({
      restored: [],
      problems: [error instanceof Error ? error.message : String(error)],
    }));
  return { host: new ExcelFillHost(), language, policyStore: workbookPolicyStore(restored) };
}

async function start(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) return;
  const { host, language, policyStore } = await detectHost().catch((): Startup => ({
    host: null,
    language: "zh",
    policyStore: null,
  }));
  document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
  createRoot(container).render(
    <PolicyStoreContext.Provider value={policyStore}>
      <App host={host} language={language} />
    </PolicyStoreContext.Provider>,
  );
}

void start();
