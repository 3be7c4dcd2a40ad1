/**
 * The 小升规助手 ribbon tab's callbacks (ribbon.xml names them "ribbon.OnAction" etc.; WPS
 * resolves them on the add-in's main page). Each button opens the one XSG task pane on a tab.
 * Callbacks stay synchronous: async ribbon callbacks broke ribbon display on some WPS 12.1 builds
 * (reported by a WPS staff post, cited in the design study).
 */
import { DOCK_RIGHT, type EtPaneHost } from "./et-api";

/** Button id → the taskpane tab it opens (App's tab ids). */
export const RIBBON_BUTTONS = {
  xsgFill: "fill",
  xsgLookup: "lookup",
  xsgPolicy: "policy",
} as const;

export const PANE_TITLE = "小升规助手";
/**
 * PluginStorage is shared by WPS 文字/表格/演示 while task-pane ids restart at 1 in each
 * process, so the id is kept under a key of its own host (et).
 */
export const PANE_ID_KEY = "xsg_taskpane_id_et";
const ICON = "images/icon-32.png";

interface RibbonControl {
  Id: string;
}

/** The add-in folder's URL (the page's own URL up to its last "/"). */
export function addinBaseUrl(pageUrl: string): string {
  const url = decodeURI(pageUrl).replace(/[?#].*$/, "");
  return url.slice(0, url.lastIndexOf("/") + 1);
}

export function createRibbon(root: EtPaneHost, pageUrl: string) {
  const paneUrl = (tab: string) => `${addinBaseUrl(pageUrl)}taskpane.html#${tab}`;

  function showPane(tab: string): void {
    const known = Number(root.PluginStorage.getItem(PANE_ID_KEY));
    if (known > 0) {
      try {
        const pane = root.GetTaskPane(known);
        pane.Navigate(paneUrl(tab));
        pane.Visible = true;
        return;
      } catch {
        // the pane was closed with its document: make a new one
      }
    }
    const pane = root.CreateTaskPane(paneUrl(tab), PANE_TITLE);
    pane.DockPosition = DOCK_RIGHT;
    pane.Visible = true;
    root.PluginStorage.setItem(PANE_ID_KEY, pane.ID);
  }

  return {
    OnAddinLoad(): boolean {
      return true;
    },
    OnAction(control: RibbonControl): boolean {
      const tab = RIBBON_BUTTONS[control.Id as keyof typeof RIBBON_BUTTONS];
      if (tab) showPane(tab);
      return true;
    },
    GetImage(): string {
      return ICON;
    },
  };
}
