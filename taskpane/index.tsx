/**
 * Entry point of taskpane.html: show a loading state, wait for Office, pick the host, the
 * language and the theme, mount the App. In Excel the host is the Office.js adapter; otherwise
 * (plain browser, office.js blocked inside Office, another Office application) the App says why
 * and offers the policy browser.
 *
 * This page is also the shared runtime of the custom functions (functions.js is loaded first,
 * and this bundle takes the policy core from it: one module state). It runs when the runtime
 * starts, even with the pane closed, so it is where the documents the official imported into
 * the workbook are made active again (restoreWorkbookPolicies) before the pane is shown.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, Spinner, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { PolicyStoreContext, type PolicyStore } from "./components/policyStore";
import { ExcelFillHost, restoreWorkbookPolicies, workbookPolicyStore } from "./excel";
import { currentPageSignals, detectStartup, isDarkTheme, readOfficeTheme, type Startup } from "./startup";
import { stringsFor } from "./strings";

function officeGlobal(): typeof Office | undefined {
  return typeof Office === "undefined" ? undefined : Office;
}

/** The workbook's imported documents, made active; a failure leaves the built-in documents in use. */
async function restorePolicies(): Promise<PolicyStore> {
  const restored = await Promise.resolve()
    .then(restoreWorkbookPolicies)
    .catch((error: unknown) => ({
      restored: [],
      problems: [error instanceof Error ? error.message : String(error)],
    }));
  return workbookPolicyStore(restored);
}

async function start(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) return;
  const root = createRoot(container);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <Spinner size="small" label={stringsFor("zh").starting} labelPosition="after" style={{ padding: 16 }} />
    </FluentProvider>,
  );
  const startup = await detectStartup(officeGlobal(), currentPageSignals()).catch((): Startup => ({
    kind: "outsideOffice",
    language: "zh",
    dark: false,
  }));
  document.documentElement.lang = startup.language === "zh" ? "zh-CN" : "en";
  const host = startup.kind === "excel" ? new ExcelFillHost() : null;
  const policyStore = startup.kind === "excel" ? await restorePolicies() : null;
  let dark = startup.dark;
  const draw = () =>
    root.render(
      <PolicyStoreContext.Provider value={policyStore}>
        <App
          host={host}
          noHostReason={startup.kind === "excel" ? undefined : startup.kind}
          hostName={startup.kind === "excel" ? undefined : startup.hostName}
          language={startup.language}
          dark={dark}
        />
      </PolicyStoreContext.Provider>,
    );
  draw();
  // Excel has no theme-changed event (OfficeThemeChanged is Outlook's): re-read the theme
  // whenever the pane is shown again, e.g. after the user switched Office to Black.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState !== "visible") return;
    const now = isDarkTheme(readOfficeTheme(officeGlobal()));
    if (now !== dark) {
      dark = now;
      draw();
    }
  });
}

void start();
