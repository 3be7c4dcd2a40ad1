/**
 * How taskpane.html finds out where it runs, before anything is drawn: in Excel; inside Office
 * but without office.js (a blocked CDN); in Office but not Excel; or in a plain browser.
 * No React here, so each case is unit-tested on its own.
 */
import { pickLanguage, type Language } from "./strings";

/** Why there is no Excel host. */
export type NoHostReason = "outsideOffice" | "officeJsMissing" | "notExcel";

export type Startup =
  | { kind: "excel"; language: Language; dark: boolean }
  | { kind: NoHostReason; language: Language; dark: boolean; hostName?: string };

/** What the Office host tells every add-in page about itself, even before office.js loads. */
export interface PageSignals {
  /** location.search: Office adds `_host_Info=Excel$Win32$16.01$zh-CN$…` to the page URL. */
  search: string;
  /** window.name: newer Office builds put `{"hostInfo": "…"}` there instead. */
  windowName: string;
  /** sessionStorage "hostInfoValue": office.js keeps the host info there across reloads. */
  storedHostInfo: string | null;
}

export interface OfficeHostHint {
  /** Lower-case application, e.g. "excel", "word". */
  app: string;
  platform: string;
  locale: string;
}

/**
 * The host info Office hands to the page (the same places office.js reads it from), or null in
 * a plain browser. Lets the page tell "office.js failed inside Office" from "not in Office".
 */
export function officeHostHint(signals: PageSignals): OfficeHostHint | null {
  let raw = new URLSearchParams(signals.search).get("_host_Info");
  if (!raw) {
    try {
      const parsed = JSON.parse(signals.windowName) as { hostInfo?: unknown } | null;
      if (parsed && typeof parsed.hostInfo === "string") raw = parsed.hostInfo;
    } catch {
      /* window.name is not Office's JSON */
    }
  }
  raw = raw || signals.storedHostInfo;
  if (!raw) return null;
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    /* already decoded */
  }
  const parts = decoded.split(decoded.includes("$") ? "$" : "|");
  const app = (parts[0] ?? "").trim().toLowerCase();
  if (!app) return null;
  return { app, platform: (parts[1] ?? "").toLowerCase(), locale: parts[3] ?? "" };
}

/** Signals of the current page (guarded: storage can throw in locked-down webviews). */
export function currentPageSignals(): PageSignals {
  let storedHostInfo: string | null = null;
  try {
    storedHostInfo = window.sessionStorage.getItem("hostInfoValue");
  } catch {
    /* no storage */
  }
  return { search: window.location.search, windowName: window.name, storedHostInfo };
}

/** Office's theme colours (Office.context.officeTheme), as far as the host provides them. */
export interface ThemeColors {
  isDarkTheme?: boolean;
  bodyBackgroundColor?: string;
}

/**
 * Dark when Office says so (isDarkTheme: Black or Dark Gray), else when its body background is
 * dark (hosts without isDarkTheme); light when Office gives no theme.
 */
export function isDarkTheme(theme: ThemeColors | null | undefined): boolean {
  if (!theme) return false;
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme;
  const hex = /^#?([0-9a-f]{6})$/i.exec(theme.bodyBackgroundColor?.trim() ?? "");
  if (!hex) return false;
  const value = parseInt(hex[1], 16);
  const [r, g, b] = [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  // Perceived brightness (ITU-R BT.601 weights), 0–255.
  return 0.299 * r + 0.587 * g + 0.114 * b < 128;
}

/** Office.context.officeTheme, or null where reading it throws (outside Office, old hosts). */
export function readOfficeTheme(office: typeof Office | undefined): ThemeColors | null {
  try {
    return (office?.context?.officeTheme as ThemeColors | undefined) ?? null;
  } catch {
    return null;
  }
}

/** A display name for the host office.js reported ("Word", "PowerPoint", …). */
function hostName(host: unknown, hint: OfficeHostHint | null): string {
  if (host !== null && host !== undefined && String(host) !== "") return String(host);
  return hint ? hint.app.charAt(0).toUpperCase() + hint.app.slice(1) : "";
}

/**
 * Wait for Office (when office.js is there) and classify. `office` is the Office global or
 * undefined when office.js did not load; `signals` says whether the page was opened by Office.
 */
export async function detectStartup(office: typeof Office | undefined, signals: PageSignals): Promise<Startup> {
  const hint = officeHostHint(signals);
  const hintLanguage = pickLanguage(hint?.locale);
  if (!office || typeof office.onReady !== "function") {
    // office.js is a blocking <script> before the bundles: missing now means it failed to load.
    return { kind: hint ? "officeJsMissing" : "outsideOffice", language: hintLanguage, dark: false };
  }
  const info = await office.onReady();
  const language = pickLanguage(office.context?.displayLanguage ?? hint?.locale);
  const dark = isDarkTheme(readOfficeTheme(office));
  // Compare the enum's string value: a test double of office.js need not define Office.HostType.
  if (String(info?.host) === "Excel") return { kind: "excel", language, dark };
  const name = hostName(info?.host, hint);
  if (name && name.toLowerCase() !== "excel") return { kind: "notExcel", language, dark, hostName: name };
  return { kind: "outsideOffice", language, dark };
}
