/**
 * Entry point of standalone.html, the offline page for WPS and older-Office users (issue 7).
 * No Office, no network: the page opens files with FileReader and downloads with a Blob.
 */
import { createRoot } from "react-dom/client";
import { pickLanguage } from "../strings";
import { StandaloneApp } from "./StandaloneApp";

function start(): void {
  const container = document.getElementById("container");
  if (!container) return;
  // Chinese for everyone (the officials' language, whatever the browser locale); ?lang=en for English.
  const language = pickLanguage(new URLSearchParams(location.search).get("lang"));
  document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
  createRoot(container).render(<StandaloneApp language={language} />);
}

start();
