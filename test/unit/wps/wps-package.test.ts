/**
 * The WPS package's files, generated from the same sources as Excel's: functions.json from the
 * Excel metadata of functions/functions.ts (names, parameters, Chinese help), the functions the
 * main page registers, manifest.xml (JsPlugin), ribbon.xml (小升规助手 tab) and its callbacks,
 * and the deployment files (jsplugins.xml, publish.xml, install scripts).
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { registerWpsFunctions, WPS_NAMESPACE } from "../../../functions/wps";
import * as wps from "../../../scripts/wps-package.cjs";
import { createRibbon, PANE_ID_KEY, RIBBON_BUTTONS } from "../../../taskpane/wps/ribbon";
import type { EtPaneHost, EtTaskPane } from "../../../taskpane/wps/et-api";
import { CATALOGUE, isOptional, MATRIX_PARAMS, paramName } from "../functions/catalogue";

interface ExcelMeta {
  functions: {
    id: string;
    description: string;
    parameters: { name: string; description: string; optional?: boolean }[];
  }[];
}

let excel: ExcelMeta;
let wpsJson: ReturnType<typeof wps.wpsFunctionsJson>;

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(join(wps.ROOT, "functions", "functions.ts"), false);
  excel = JSON.parse(generated.metadataJson);
  wpsJson = wps.wpsFunctionsJson(excel, generated.associate);
}, 60_000);

describe("functions.json for WPS", () => {
  it("has the 13 catalogue functions, argument names, order and optional marks", () => {
    expect(wpsJson.functions.map((f) => f.name).sort()).toEqual(CATALOGUE.map((f) => f.id).sort());
    for (const expected of CATALOGUE) {
      const fn = wpsJson.functions.find((f) => f.name === expected.id)!;
      expect(fn.parameters.map((p) => p.name)).toEqual(expected.params.map(paramName));
      for (const [i, p] of fn.parameters.entries()) {
        const matrix = MATRIX_PARAMS.has(p.name) ? "[][]" : "";
        expect(p.type).toBe(`any${matrix}${isOptional(expected.params[i]) ? "?" : ""}`);
      }
    }
  });

  it("spilling results are 2-D (SCHEDULE numbers, REGIONS text); others scalar", () => {
    const result = (id: string) => wpsJson.functions.find((f) => f.name === id)!.result.type;
    expect(result("SCHEDULE")).toBe("number[][]");
    expect(result("REGIONS")).toBe("string[][]");
    expect(result("AWARD")).toBe("number");
    expect(result("ELIGIBLE")).toBe("boolean");
    expect(result("STATUS")).toBe("string");
  });

  it("carries Excel's Chinese help text unchanged (one source)", () => {
    for (const fn of excel.functions) {
      const twin = wpsJson.functions.find((f) => f.name === fn.id)!;
      expect(twin.description).toBe(fn.description);
      expect(twin.description).toMatch(/[\u4e00-\u9fff]/);
      expect(twin.parameters.map((p) => p.description)).toEqual(fn.parameters.map((p) => p.description));
    }
  });

  it("names exactly what the main page registers in namespace XSG", () => {
    const registered: string[] = [];
    registerWpsFunctions({ AddCustomFunction: (ns, name) => registered.push(`${ns}.${name}`) });
    expect(registered.sort()).toEqual(wpsJson.functions.map((f) => `${WPS_NAMESPACE}.${f.name}`).sort());
  });

  it("refuses an export whose name does not upper-case to its id (the two hosts would disagree)", () => {
    expect(() => wps.wpsFunctionsJson(excel, [{ id: "AWARD", functionName: "awardAmount" }])).toThrow(/rename/);
  });

  it("registers nothing on a WPS without custom functions (before 12.1.0.20540)", () => {
    expect(registerWpsFunctions({})).toEqual([]);
    expect(registerWpsFunctions(undefined)).toEqual([]);
  });
});

describe("manifest.xml and ribbon.xml", () => {
  it("manifest.xml is a JsPlugin naming functions.json and the XSG namespace", () => {
    const xml = wps.sourceFile("manifest.xml");
    expect(xml).toMatch(/<JsPlugin>[\s\S]*<Name>XSG<\/Name>/);
    expect(xml).toMatch(/<Functions>\s*<Uri>\/functions\.json<\/Uri>\s*<Namespace>XSG<\/Namespace>\s*<\/Functions>/);
  });

  it("ribbon.xml starts with <customUI (WPS rejects a declaration), has the 小升规助手 tab and only known callbacks", () => {
    const xml = wps.sourceFile("ribbon.xml");
    expect(xml.startsWith("<customUI")).toBe(true);
    expect(xml).toContain('label="小升规助手"');
    const ribbon = createRibbon(fakePaneHost().host, "http://x/XSG_0.1.0/index.html");
    const callbacks = [...xml.matchAll(/(?:onLoad|onAction|getImage)="ribbon\.(\w+)"/g)].map((m) => m[1]);
    for (const name of callbacks) expect(typeof ribbon[name as keyof typeof ribbon]).toBe("function");
    const buttons = [...xml.matchAll(/<button id="(\w+)"/g)].map((m) => m[1]);
    expect(buttons.sort()).toEqual(Object.keys(RIBBON_BUTTONS).sort());
  });
});

function fakePaneHost() {
  const stored = new Map<string, string>();
  const panes: (EtTaskPane & { url: string; title?: string })[] = [];
  const host: EtPaneHost = {
    PluginStorage: { getItem: (k) => stored.get(k) ?? null, setItem: (k, v) => void stored.set(k, String(v)) },
    CreateTaskPane(url, title) {
      const pane = {
        ID: panes.length + 1,
        Visible: false,
        DockPosition: 4,
        url,
        title,
        Navigate(to: string) {
          pane.url = to;
        },
      };
      panes.push(pane);
      return pane;
    },
    GetTaskPane(id) {
      const pane = panes[id - 1];
      if (!pane) throw new Error(`no task pane ${id}`);
      return pane;
    },
  };
  return { host, panes, stored };
}

describe("ribbon buttons", () => {
  it("open one docked task pane on the button's tab, then reuse it", () => {
    const { host, panes, stored } = fakePaneHost();
    const ribbon = createRibbon(host, "http://intranet/xsg/XSG_0.1.0/index.html");
    ribbon.OnAction({ Id: "xsgFill" });
    expect(panes).toHaveLength(1);
    expect(panes[0]).toMatchObject({
      url: "http://intranet/xsg/XSG_0.1.0/taskpane.html#fill",
      title: "小升规助手",
      Visible: true,
      DockPosition: 2,
    });
    expect(stored.get(PANE_ID_KEY)).toBe("1");
    ribbon.OnAction({ Id: "xsgPolicy" });
    expect(panes).toHaveLength(1);
    expect(panes[0].url).toBe("http://intranet/xsg/XSG_0.1.0/taskpane.html#policy");
    expect(ribbon.GetImage()).toBe("images/icon-32.png");
  });
});

describe("deployment files", () => {
  it("jsplugins.xml: one online ET entry whose URL ends in /", () => {
    expect(wps.jspluginsXml("http://10.1.2.3/xsg/XSG_0.1.0")).toBe(
      '<jsplugins>\n  <jspluginonline name="XSG" type="et" url="http://10.1.2.3/xsg/XSG_0.1.0/"/>\n</jsplugins>\n',
    );
    expect(() => wps.jspluginsXml("file:///C:/xsg/")).toThrow(/http/);
  });

  it("publish.xml and the install scripts name the versioned folder and keep other add-ins", () => {
    expect(wps.publishXml("1.2.3")).toContain('<jsplugin name="XSG" type="et" url="XSG_1.2.3" version="1.2.3"');
    const linux = wps.installLinuxScript("1.2.3");
    expect(linux).toContain("$HOME/.local/share/Kingsoft/wps/jsaddons");
    expect(linux).toContain("grep -v 'name=\"XSG\"'");
    const windows = wps.installWindowsScript("1.2.3");
    expect(windows).toContain('Join-Path $env:APPDATA "kingsoft\\wps\\jsaddons"');
    expect(windows).toContain("XSG_1.2.3");
    expect(windows).toContain('(Join-Path $target "index.html")');
  });
});

test("install-linux.sh copies the folder into jsaddons and registers XSG once, keeping other add-ins", () => {
  const dir = mkdtempSync(join(tmpdir(), "xsg-wps-"));
  const home = join(dir, "home");
  const addons = join(home, ".local/share/Kingsoft/wps/jsaddons");
  mkdirSync(join(dir, "pkg/XSG_1.2.3"), { recursive: true });
  writeFileSync(join(dir, "pkg/XSG_1.2.3/manifest.xml"), "<JsPlugin/>");
  writeFileSync(join(dir, "pkg/XSG_1.2.3/main.js"), "");
  writeFileSync(join(dir, "pkg/XSG_1.2.3/index.html"), "<html></html>");
  writeFileSync(join(dir, "pkg/install-linux.sh"), wps.installLinuxScript("1.2.3"));
  mkdirSync(addons, { recursive: true });
  writeFileSync(
    join(addons, "publish.xml"),
    '<jsplugins>\n  <jsplugin name="other" type="wps" url="other_1" version="1"/>\n</jsplugins>\n',
  );
  const run = () => execFileSync("sh", [join(dir, "pkg/install-linux.sh")], { env: { ...process.env, HOME: home } });
  run();
  run(); // a second install (an update) must not add a second entry
  const publish = readFileSync(join(addons, "publish.xml"), "utf8");
  expect(publish.match(/name="XSG"/g)).toHaveLength(1);
  expect(publish).toContain('name="other"');
  expect(publish).toContain(wps.publishEntry("1.2.3"));
  expect(publish.trim().endsWith("</jsplugins>")).toBe(true);
  expect(existsSync(join(addons, "XSG_1.2.3/manifest.xml"))).toBe(true);
  expect(existsSync(join(addons, "XSG_1.2.3/main.js"))).toBe(true);
  // WPS makes its own index.html (loading main.js) for a local add-in folder.
  expect(existsSync(join(addons, "XSG_1.2.3/index.html"))).toBe(false);
});
