/**
 * Entry point of standalone.html, the offline page for WPS and older-Office users (issue 7).
 * No Office, no network: the page opens files with FileReader and downloads with a Blob.
 */
import { createRoot } from "react-dom/client";
import { PolicyStoreContext } from "../components/policyStore";
import { pickLanguage } from "../strings";
import { browserPolicyStore } from "./policy-store";
import { StandaloneApp } from "./StandaloneApp";

function start(): void {
  const container = document.getElementById("container");
  if (!container) return;
  // Chinese for everyone (the officials' language, whatever the browser locale); ?lang=en for English.
  const language = pickLanguage(new URLSearchParams(location.search).get("lang"));
  document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
  // Documents imported earlier in this browser are active before anything is computed.
  const policyStore = browserPolicyStore();
  createRoot(container).render(
    <PolicyStoreContext.Provider value={policyStore}>
      <StandaloneApp language={language} />
    </PolicyStoreContext.Provider>,
  );
}

start();
