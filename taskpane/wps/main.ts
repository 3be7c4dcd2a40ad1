/**
 * The WPS add-in's main page (index.html): WPS loads it with the add-in and resolves the ribbon
 * callbacks here. It binds the XSG custom functions (once: only this page registers them, never
 * the task pane) and the 小升规助手 ribbon tab. No UI of its own.
 */
import { registerWpsFunctions, type CustomFunctionHost } from "../../functions/wps";
import type { EtPaneHost } from "./et-api";
import { createRibbon } from "./ribbon";

type WpsWindow = Window & {
  Application?: CustomFunctionHost & EtPaneHost;
  wps?: CustomFunctionHost & EtPaneHost;
  ribbon?: ReturnType<typeof createRibbon>;
};

const page = window as WpsWindow;
const root = page.Application ?? page.wps;
registerWpsFunctions(root);
if (root) page.ribbon = createRibbon(root, location.href);
