/**
 * manifest.xml checked as the online validator would (it cannot be reached from here) and
 * against what the build emits: a manifest naming a file the build does not produce, or a
 * runtime that is not shared, only fails inside Excel — too late.
 */
import { execFileSync, spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import * as layout from "../../../scripts/addin-layout.cjs";
import {
  baseUrlOf,
  inspectManifest,
  inspectManifestFiles,
  REQUIRED_SETS,
  unresolvedFiles,
} from "../../../scripts/manifest/validate";
import { pngSize } from "../../../scripts/manifest/png";

const ROOT = layout.ROOT;
const SOURCE = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const DEV = layout.DEV_BASE_URL;
const INTRANET = "https://intranet.example/xsg/";

function xmllintAvailable(): boolean {
  return spawnSync("xmllint", ["--version"]).status === 0;
}

describe("manifest.xml in the repository", () => {
  const report = inspectManifest(SOURCE);

  test("is well-formed XML according to xmllint (libxml2)", () => {
    if (!xmllintAvailable()) {
      // CI installs libxml2-utils; elsewhere the project's own strict parser below still runs.
      if (process.env.CI === "true") throw new Error("xmllint is missing (apt-get install libxml2-utils)");
      console.warn("xmllint not installed: well-formedness is checked by the test parser only");
      return;
    }
    expect(() =>
      execFileSync("xmllint", ["--noout", path.join(ROOT, "manifest.xml")], { stdio: "pipe" }),
    ).not.toThrow();
  });

  test("passes every validator rule", () => {
    expect(report.problems).toEqual([]);
  });

  test("declares the requirement sets the code needs", () => {
    expect(report.facts.requirementSets).toEqual({
      SharedRuntime: "1.1",
      CustomFunctionsRuntime: "1.2",
      ExcelApi: "1.7",
    });
    expect(report.facts.requirementSets).toEqual(REQUIRED_SETS);
  });

  test("has its own fixed GUID, XSG namespace and only ReadWriteDocument", () => {
    expect(report.facts.id).toBe("e21cfaad-cb3c-46da-9f2b-bb9ee7fbc8d3");
    expect(report.facts.namespace).toBe("XSG");
    expect(report.facts.permissions).toBe("ReadWriteDocument");
    expect(report.facts.defaultLocale).toBe("zh-CN");
  });

  test("version follows package.json", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(report.facts.version).toBe(`${pkg.version}.0`);
  });

  test("runtime page, script and metadata are the files webpack is configured to emit", () => {
    const pages = layout.PAGES.map((p) => p.filename);
    expect(report.facts.runtimeUrl).toBe(`${DEV}taskpane.html`);
    expect(pages).toContain("taskpane.html");
    expect(report.facts.scriptUrl).toBe(`${DEV}functions.js`);
    expect(Object.keys(layout.ENTRIES)).toContain("functions");
    expect(report.facts.metadataUrl).toBe(`${DEV}${layout.FUNCTIONS_METADATA}`);
    expect(report.facts.metadataOverrides).toEqual({ "en-US": `${DEV}${layout.FUNCTIONS_METADATA_EN.output}` });
    // The shared runtime page loads the functions bundle before the taskpane's.
    const taskpanePage = layout.PAGES.find((p) => p.filename === "taskpane.html");
    expect(taskpanePage?.chunks).toEqual(["functions", "taskpane"]);
    expect(taskpanePage?.officeJs).toBe(true);
  });

  test("the manifest a build emits names only files that build emits", () => {
    const englishMetadata = layout.hasEnglishMetadata();
    const rendered = inspectManifest(layout.renderManifest(SOURCE, { baseUrl: DEV, englishMetadata }));
    expect(rendered.problems).toEqual([]);
    const declared = new Set(layout.declaredOutputs({ englishMetadata }));
    expect(unresolvedFiles(rendered.facts, DEV, (file) => declared.has(file))).toEqual([]);
    expect(rendered.facts.urls.length).toBeGreaterThan(10);
  });
});

describe("icons", () => {
  test.each(layout.ICON_SIZES)("assets/icon-%i.png exists at that size", (size) => {
    expect(pngSize(fs.readFileSync(path.join(ROOT, layout.iconFile(size))))).toEqual({ width: size, height: size });
  });

  test("are exactly what scripts/make-icons.mjs draws", () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, "scripts/make-icons.mjs"), "--check"], {
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });
});

describe("renderManifest (what npm run build writes to dist/manifest.xml)", () => {
  test("rewrites every URL to the production base and stays valid", () => {
    const xml = layout.renderManifest(SOURCE, { baseUrl: INTRANET, englishMetadata: true });
    const { facts, problems } = inspectManifest(xml);
    expect(problems).toEqual([]);
    expect(xml).not.toContain("localhost");
    expect(facts.urls.every((url) => url.startsWith(INTRANET))).toBe(true);
    expect(baseUrlOf(facts)).toBe(INTRANET);
    expect(facts.metadataOverrides["en-US"]).toBe(`${INTRANET}functions.en-US.json`);
  });

  test("drops the en-US metadata override when the build has no English metadata", () => {
    const xml = layout.renderManifest(SOURCE, { baseUrl: DEV, englishMetadata: false });
    const { facts, problems } = inspectManifest(xml);
    expect(problems).toEqual([]);
    expect(facts.metadataOverrides).toEqual({});
    expect(xml).not.toContain(layout.FUNCTIONS_METADATA_EN.output);
    // ...and only that override: the display strings keep theirs.
    expect(xml.match(/Locale="en-US"/g)?.length).toBe((SOURCE.match(/Locale="en-US"/g)?.length ?? 0) - 1);
  });

  test("normalises the base URL and refuses anything but https", () => {
    expect(layout.normalizeBaseUrl("https://intranet.example/xsg")).toBe(INTRANET);
    expect(layout.normalizeBaseUrl(" https://intranet.example/ ")).toBe("https://intranet.example/");
    expect(() => layout.normalizeBaseUrl("http://intranet.example/xsg/")).toThrow(/HTTPS/);
    expect(() => layout.normalizeBaseUrl("intranet.example/xsg")).toThrow(/invalid base URL/);
    expect(() => layout.normalizeBaseUrl("https://intranet.example/xsg/?v=1")).toThrow(/query/);
  });
});

describe("dist/manifest.xml (when a build exists)", () => {
  const distManifest = path.join(ROOT, "dist", "manifest.xml");
  const built = fs.existsSync(distManifest);

  test("is valid and every file it names is in dist/", () => {
    if (!built) {
      // Nothing built yet: the browser suite (run after `npm run build`) checks dist/ again.
      expect(fs.existsSync(path.join(ROOT, "dist", "taskpane.html"))).toBe(false);
      return;
    }
    const { facts, problems } = inspectManifest(fs.readFileSync(distManifest, "utf8"));
    expect(problems).toEqual([]);
    const base = baseUrlOf(facts);
    expect(unresolvedFiles(facts, base, (file) => fs.existsSync(path.join(ROOT, "dist", file)))).toEqual([]);
  });
});

describe("the validator catches a broken manifest", () => {
  const cases: [string, (xml: string) => string, RegExp][] = [
    [
      "an unclosed element",
      (x) => x.replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWriteDocument"),
      /not well-formed/,
    ],
    ["an unescaped &", (x) => x.replace("小升规助手 XSG", "小升规 & XSG"), /not well-formed/],
    [
      "a resid typo",
      (x) => x.replace('<Label resid="Group.Label"/>', '<Label resid="Group.Lable"/>'),
      /"Group.Lable".*does not resolve/,
    ],
    [
      "a resid of the wrong kind",
      (x) => x.replace('<Label resid="Group.Label"/>', '<Label resid="Taskpane.Url"/>'),
      /names a Urls entry, expected ShortStrings/,
    ],
    [
      "an id over 32 characters",
      (x) => x.replace('id="XSG.TaskpaneButton"', 'id="XSG.TaskpaneButton.WithAVeryLongName"'),
      /must be 1–32 characters/,
    ],
    [
      "an http URL",
      (x) => x.replace("https://localhost:3000/assets/help.html", "http://localhost:3000/assets/help.html"),
      /not https/,
    ],
    ["a non-GUID id", (x) => x.replace("e21cfaad-cb3c-46da-9f2b-bb9ee7fbc8d3", "xsg-addin"), /not a GUID/],
    ["a short-lived runtime", (x) => x.replace('lifetime="long"', 'lifetime="short"'), /lifetime is "short"/],
    [
      "a custom-functions page outside the shared runtime",
      (x) =>
        x.replace(
          /<Page>\s*<SourceLocation resid="Taskpane.Url"\/>/,
          '<Page><SourceLocation resid="Functions.Script.Url"/>',
        ),
      /Page \(Functions.Script.Url\) is not the shared Runtime/,
    ],
    [
      "another namespace",
      (x) => x.replace('DefaultValue="XSG"/>', 'DefaultValue="CONTOSO"/>'),
      /namespace is "CONTOSO"/,
    ],
    ["a wider permission", (x) => x.replace("ReadWriteDocument", "ReadWriteMailbox"), /expected ReadWriteDocument/],
    [
      "a label over 125 characters",
      (x) => x.replace('DefaultValue="小升规助手"', `DefaultValue="${"长".repeat(126)}"`),
      /126 characters, over 125/,
    ],
    [
      "a string without English",
      (x) => x.replace('<bt:Override Locale="en-US" Value="XSG Assistant"/>', ""),
      /TaskpaneButton.Label has no en-US override/,
    ],
    [
      "a second host",
      (x) => x.replace('<Host Name="Workbook"/>', '<Host Name="Workbook"/><Host Name="Document"/>'),
      /expected only Workbook/,
    ],
    [
      "elements out of the schema's order",
      (x) => x.replace(/(<DisplayName[\s\S]*?<\/DisplayName>)\s*(<Description[\s\S]*?<\/Description>)/, "$2\n  $1"),
      /<DisplayName> \(line \d+\) is out of order/,
    ],
    [
      "an element the schema does not have",
      (x) => x.replace("<Permissions>", "<Colour/><Permissions>"),
      /<Colour>.*not an OfficeApp element/,
    ],
    [
      "a provider name over 125 characters",
      (x) =>
        x.replace("<ProviderName>XSG 小升规项目组</ProviderName>", `<ProviderName>${"组".repeat(126)}</ProviderName>`),
      /ProviderName is 126 characters, over 125/,
    ],
    [
      "no custom-functions runtime requirement (custom error messages need 1.2)",
      (x) => x.replace('<Set Name="CustomFunctionsRuntime" MinVersion="1.2"/>', ""),
      /lack the CustomFunctionsRuntime set \(the code needs 1.2\)/,
    ],
    [
      "an ExcelApi below what the adapter calls",
      (x) => x.replace('<Set Name="ExcelApi" MinVersion="1.7"/>', '<Set Name="ExcelApi" MinVersion="1.4"/>'),
      /ExcelApi 1.4 is below what the code needs \(1.7\)/,
    ],
    [
      "a requirement set that does not exist yet",
      (x) => x.replace('<Set Name="ExcelApi" MinVersion="1.7"/>', '<Set Name="ExcelApi" MinVersion="1.99"/>'),
      /ExcelApi 1.99 does not exist \(latest 1.20\)/,
    ],
    [
      "a misspelt requirement set",
      (x) => x.replace('<Set Name="SharedRuntime" MinVersion="1.1"/>', '<Set Name="SharedRunTime" MinVersion="1.1"/>'),
      /"SharedRunTime" is not one this validator knows/,
    ],
  ];

  test.each(cases)("%s", (_name, mutate, expected) => {
    const mutated = mutate(SOURCE);
    expect(mutated).not.toBe(SOURCE);
    expect(inspectManifest(mutated).problems.join("\n")).toMatch(expected);
  });

  test("a script URL the build does not emit", () => {
    const { facts } = inspectManifest(SOURCE.replace("3000/functions.js", "3000/functions.bundle.js"));
    const declared = new Set(layout.declaredOutputs({ englishMetadata: true }));
    expect(unresolvedFiles(facts, DEV, (file) => declared.has(file))).toEqual(["functions.bundle.js"]);
  });
});

describe("the files a manifest names (inspectManifestFiles, npm run validate)", () => {
  const { facts } = inspectManifest(SOURCE);
  const repoFile = (file: string): Buffer | null => {
    const full = path.join(ROOT, file);
    return fs.existsSync(full) ? fs.readFileSync(full) : null;
  };
  const built = new Set(layout.declaredOutputs({ englishMetadata: true }));
  const withBuild = (file: string) => repoFile(file) ?? (built.has(file) ? Buffer.alloc(0) : null);

  test("the repository's icons are PNGs of their declared sizes and every named file exists once built", () => {
    expect(inspectManifestFiles(facts, DEV, withBuild)).toEqual([]);
  });

  test("an icon of the wrong size, a file that is not a PNG, a missing file", () => {
    const swap = (file: string): Buffer | null => {
      if (file === "assets/icon-80.png") return repoFile("assets/icon-64.png");
      if (file === "assets/icon-16.png") return Buffer.from("GIF89a not a png");
      if (file === "assets/help.html") return null;
      return withBuild(file);
    };
    // Each distinct problem once (the manifest names some files more than once).
    expect([...new Set(inspectManifestFiles(facts, DEV, swap))].sort()).toEqual([
      "assets/help.html: named by the manifest but not found",
      "assets/icon-16.png: not a PNG file",
      "assets/icon-80.png: 64×64, declared as 80×80",
    ]);
  });
});

describe("npm run validate (scripts/validate-manifest.ts)", () => {
  const run = (args: string[]) =>
    spawnSync(process.execPath, ["-r", "./bin/register-ts.js", "scripts/validate-manifest.ts", ...args], {
      cwd: ROOT,
      encoding: "utf8",
    });

  test("passes the repository's manifest and fails a broken copy, naming the problem", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "xsg-validate-"));
    try {
      const broken = path.join(dir, "manifest.xml");
      fs.writeFileSync(broken, SOURCE.replace('<Set Name="ExcelApi" MinVersion="1.7"/>', ""));
      const bad = run([broken]);
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain("Requirements lack the ExcelApi set");
      const good = run([]);
      expect(good.stdout).toContain("manifest.xml: 清单有效 / manifest is valid");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
