/**
 * What the Office manifest validator (a Microsoft web service, unreachable on an intranet) would
 * check, as far as it can be checked offline, plus this project's own rules: one shared runtime,
 * namespace XSG, ReadWriteDocument only, Chinese default with English overrides, the requirement
 * sets the code needs. `inspectManifest` returns facts and a list of problems (empty = valid), so
 * tests can also prove that each rule catches a broken manifest; `inspectManifestFiles` checks
 * the files it names (icons by their PNG header). `npm run validate` runs both (scripts/validate-manifest.ts).
 *
 * Sources (Microsoft Learn): element order — OfficeApp complexType (OfficeAppManifestv1.1.xsd);
 * lengths — DisplayName / ProviderName "up to 125 characters", ShortStrings 125, LongStrings 250,
 * URLs 2048, ids 32; requirement sets — "Excel JavaScript API requirement sets",
 * "Custom Functions requirement sets", "Shared runtime requirement sets" (see README).
 */
import { find, localName, parseXml, walk, XmlElement } from "./xml";
import { pngSize } from "./png";

export interface ManifestFacts {
  id: string;
  version: string;
  defaultLocale: string;
  namespace: string | undefined;
  permissions: string;
  /** URL of the shared runtime page (= taskpane = custom-functions Page = FunctionFile). */
  runtimeUrl: string | undefined;
  scriptUrl: string | undefined;
  metadataUrl: string | undefined;
  metadataOverrides: Record<string, string>;
  /** Every http(s) URL in the manifest. */
  urls: string[];
  /** Images with the size they are declared at (bt:Image size / IconUrl 32 / HighResolutionIconUrl 64). */
  images: { url: string; size: number }[];
  /** <Requirements><Sets>: name → MinVersion. */
  requirementSets: Record<string, string>;
}

export interface ManifestReport {
  facts: ManifestFacts;
  problems: string[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_ID = 32;
const MAX_SHORT = 125;
const MAX_LONG = 250;
const MAX_URL = 2048;

/** OfficeApp's children in the schema's order (xs:sequence of OfficeApp, then TaskPaneApp's own). */
const OFFICE_APP_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "Dictionary",
  "VersionOverrides",
  "ExtendedOverrides",
];

/**
 * Requirement sets this validator knows, with the highest version Microsoft has published
 * (Learn, 2025): a name or version outside this table is a typo or wishful thinking, and
 * Excel would then hide the add-in from every client.
 */
export const KNOWN_REQUIREMENT_SETS: Readonly<Record<string, string>> = {
  ExcelApi: "1.20",
  CustomFunctionsRuntime: "1.5",
  SharedRuntime: "1.2",
};

/**
 * What XSG's code needs, and why (the manifest must declare at least these):
 *  - SharedRuntime 1.1: taskpane and custom functions share one runtime (manifest <Runtimes>);
 *  - CustomFunctionsRuntime 1.2: CustomFunctions.Error with a custom message (functions/excel-error.ts);
 *  - ExcelApi 1.7: the highest unguarded API in taskpane/excel/ (Worksheet.onSelectionChanged,
 *    Worksheet.getRangeByIndexes); newer APIs (1.13 merged areas, 1.20 mergeUndoGroup) are
 *    used only behind isSetSupported.
 */
export const REQUIRED_SETS: Readonly<Record<string, string>> = {
  SharedRuntime: "1.1",
  CustomFunctionsRuntime: "1.2",
  ExcelApi: "1.7",
};

/** Compares "1.10" > "1.9" numerically. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

type ResourceKind = "Images" | "Urls" | "ShortStrings" | "LongStrings";

/** Which resource table an element's resid must name. */
function residKind(element: XmlElement): ResourceKind | undefined {
  switch (localName(element)) {
    case "Image":
      return "Images";
    case "SourceLocation":
    case "Runtime":
    case "FunctionFile":
    case "LearnMoreUrl":
      return "Urls";
    case "Namespace":
    case "Label":
    case "Title":
      return "ShortStrings";
    case "Description":
      return "LongStrings";
    default:
      return undefined;
  }
}

export function inspectManifest(xml: string): ManifestReport {
  const problems: string[] = [];
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    return { facts: emptyFacts(), problems: [`XML 格式错误 / not well-formed: ${(error as Error).message}`] };
  }
  const all = walk(root);
  const one = (path: string[]): XmlElement | undefined => {
    const found = find(root, ...path);
    if (found.length !== 1) problems.push(`${path.join("/")}: expected 1 element, found ${found.length}`);
    return found[0];
  };

  if (localName(root) !== "OfficeApp") problems.push(`root is <${root.name}>, expected <OfficeApp>`);
  if (root.attrs["xsi:type"] !== "TaskPaneApp") problems.push(`OfficeApp xsi:type must be TaskPaneApp`);

  // Schema shape: known children, in the schema's order.
  let lastIndex = -1;
  for (const child of root.children) {
    const index = OFFICE_APP_ORDER.indexOf(localName(child));
    if (index < 0) problems.push(`<${child.name}> (line ${child.line}) is not an OfficeApp element`);
    else if (index < lastIndex) {
      problems.push(
        `<${child.name}> (line ${child.line}) is out of order: the schema puts it before <${OFFICE_APP_ORDER[lastIndex]}>`,
      );
    } else lastIndex = index;
  }

  const id = one(["Id"])?.text.trim() ?? "";
  if (!GUID.test(id)) problems.push(`Id "${id}" is not a GUID`);
  const version = one(["Version"])?.text.trim() ?? "";
  if (!/^\d+(\.\d+){0,3}$/.test(version)) problems.push(`Version "${version}" is not n.n.n.n`);
  checkLength("ProviderName", one(["ProviderName"])?.text.trim(), MAX_SHORT);
  const defaultLocale = one(["DefaultLocale"])?.text.trim() ?? "";
  if (defaultLocale !== "zh-CN") problems.push(`DefaultLocale is "${defaultLocale}", expected zh-CN`);

  for (const [tag, max] of [
    ["DisplayName", MAX_SHORT],
    ["Description", MAX_LONG],
  ] as const) {
    const element = one([tag]);
    if (!element) continue;
    checkLength(`${tag}`, element.attrs.DefaultValue, max);
    const overrides = element.children.filter((c) => localName(c) === "Override");
    for (const o of overrides) checkLength(`${tag} (${o.attrs.Locale})`, o.attrs.Value, max);
    if (!overrides.some((o) => o.attrs.Locale === "en-US")) problems.push(`${tag} has no en-US override`);
  }

  const hosts = find(root, "Hosts", "Host").map((h) => h.attrs.Name);
  if (hosts.join() !== "Workbook") problems.push(`Hosts are [${hosts}], expected only Workbook`);
  const permissions = one(["Permissions"])?.text.trim() ?? "";
  if (permissions !== "ReadWriteDocument") problems.push(`Permissions "${permissions}", expected ReadWriteDocument`);
  const requirementSets: Record<string, string> = {};
  for (const set of find(root, "Requirements", "Sets", "Set")) {
    const name = set.attrs.Name ?? "";
    const min = set.attrs.MinVersion ?? find(root, "Requirements", "Sets")[0]?.attrs.DefaultMinVersion ?? "";
    if (name in requirementSets) problems.push(`requirement set ${name} is declared twice`);
    requirementSets[name] = min;
    const latest = KNOWN_REQUIREMENT_SETS[name];
    if (!/^\d+\.\d+$/.test(min)) problems.push(`requirement set ${name}: MinVersion "${min}" is not n.n`);
    else if (latest === undefined) problems.push(`requirement set "${name}" is not one this validator knows`);
    else if (compareVersions(min, latest) > 0)
      problems.push(`requirement set ${name} ${min} does not exist (latest ${latest})`);
  }
  for (const [name, needed] of Object.entries(REQUIRED_SETS)) {
    const declared = requirementSets[name];
    if (declared === undefined) problems.push(`Requirements lack the ${name} set (the code needs ${needed})`);
    else if (compareVersions(declared, needed) < 0) {
      problems.push(`requirement set ${name} ${declared} is below what the code needs (${needed})`);
    }
  }

  // Resources: tables of ids.
  const resources = new Map<string, { kind: ResourceKind; element: XmlElement }>();
  for (const table of find(root, "VersionOverrides", "Resources")[0]?.children ?? []) {
    const kind = localName(table) as ResourceKind;
    if (!["Images", "Urls", "ShortStrings", "LongStrings"].includes(kind)) {
      problems.push(`unknown resource table <${table.name}>`);
      continue;
    }
    for (const entry of table.children) {
      const rid = entry.attrs.id ?? "";
      if (resources.has(rid)) problems.push(`resource id "${rid}" is defined twice`);
      resources.set(rid, { kind, element: entry });
      const max = kind === "ShortStrings" ? MAX_SHORT : kind === "LongStrings" ? MAX_LONG : MAX_URL;
      checkLength(`resource ${rid}`, entry.attrs.DefaultValue, max);
      const overrides = entry.children.filter((c) => localName(c) === "Override");
      for (const o of overrides) checkLength(`resource ${rid} (${o.attrs.Locale})`, o.attrs.Value, max);
      if (
        kind.endsWith("Strings") &&
        rid !== "Functions.Namespace" &&
        !overrides.some((o) => o.attrs.Locale === "en-US")
      ) {
        problems.push(`string ${rid} has no en-US override`);
      }
    }
  }

  // Every resid resolves, to the right kind of resource.
  for (const { element, ancestors } of all) {
    const resid = element.attrs.resid;
    if (resid === undefined) continue;
    const inResources = ancestors.some((a) => localName(a) === "Resources");
    if (inResources) continue;
    const expected = residKind(element);
    const target = resources.get(resid);
    if (!target) problems.push(`resid "${resid}" (<${element.name}>, line ${element.line}) does not resolve`);
    else if (expected && target.kind !== expected) {
      problems.push(`resid "${resid}" on <${element.name}> names a ${target.kind} entry, expected ${expected}`);
    }
  }

  // Id lengths: resource ids, resids, control/group/tab ids, TaskpaneId.
  for (const { element } of all) {
    for (const attr of ["id", "resid"]) {
      const value = element.attrs[attr];
      if (value !== undefined && (value.length === 0 || value.length > MAX_ID)) {
        problems.push(`${attr} "${value}" on <${element.name}> must be 1–${MAX_ID} characters`);
      }
    }
    if (localName(element) === "TaskpaneId" && element.text.trim().length > MAX_ID) {
      problems.push(`TaskpaneId "${element.text.trim()}" is longer than ${MAX_ID}`);
    }
  }

  // URLs: https only.
  const urls: string[] = [];
  for (const { element } of all) {
    // Namespace names (xmlns) are identifiers, not URLs anything fetches.
    const values = Object.entries(element.attrs).filter(([name]) => name !== "xmlns" && !name.startsWith("xmlns:"));
    for (const value of [...values.map(([, v]) => v), element.text.trim()]) {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) urls.push(value);
    }
  }
  for (const url of urls) if (!url.startsWith("https://")) problems.push(`URL is not https: ${url}`);

  const urlOf = (resid: string | undefined): string | undefined => {
    const entry = resid === undefined ? undefined : resources.get(resid);
    return entry?.kind === "Urls" ? entry.element.attrs.DefaultValue : undefined;
  };

  // One shared runtime hosting taskpane, custom functions and the ribbon command.
  const host = find(root, "VersionOverrides", "Hosts", "Host").find((h) => h.attrs["xsi:type"] === "Workbook");
  if (!host) problems.push("VersionOverrides has no Workbook host");
  const runtimes = host ? find(host, "Runtimes", "Runtime") : [];
  if (runtimes.length !== 1) problems.push(`expected one Runtime, found ${runtimes.length}`);
  const runtime = runtimes[0];
  if (runtime && runtime.attrs.lifetime !== "long")
    problems.push(`Runtime lifetime is "${runtime.attrs.lifetime}", expected long`);
  const runtimeResid = runtime?.attrs.resid;
  const customFunctions = host
    ? find(host, "AllFormFactors", "ExtensionPoint").find((e) => e.attrs["xsi:type"] === "CustomFunctions")
    : undefined;
  if (!customFunctions) problems.push("no CustomFunctions extension point");
  const cfResid = (part: string) =>
    customFunctions ? find(customFunctions, part, "SourceLocation")[0]?.attrs.resid : undefined;
  const pageResid = cfResid("Page");
  if (pageResid !== runtimeResid)
    problems.push(`custom-functions Page (${pageResid}) is not the shared Runtime (${runtimeResid})`);
  const functionFile = host ? find(host, "DesktopFormFactor", "FunctionFile")[0]?.attrs.resid : undefined;
  if (functionFile !== runtimeResid)
    problems.push(`FunctionFile (${functionFile}) is not the shared Runtime (${runtimeResid})`);
  const showTaskpane = all
    .map((n) => n.element)
    .filter((e) => localName(e) === "Action" && e.attrs["xsi:type"] === "ShowTaskpane");
  if (showTaskpane.length === 0) problems.push("no ribbon button opens the taskpane (ShowTaskpane action)");
  for (const action of showTaskpane) {
    const resid = find(action, "SourceLocation")[0]?.attrs.resid;
    if (resid !== runtimeResid) problems.push(`ShowTaskpane opens ${resid}, not the shared Runtime (${runtimeResid})`);
  }
  const runtimeUrl = urlOf(runtimeResid);
  const defaultSource = find(root, "DefaultSettings", "SourceLocation")[0]?.attrs.DefaultValue;
  if (runtimeUrl !== defaultSource)
    problems.push(`DefaultSettings SourceLocation ${defaultSource} ≠ runtime URL ${runtimeUrl}`);
  const namespaceResid = customFunctions ? find(customFunctions, "Namespace")[0]?.attrs.resid : undefined;
  const namespaceEntry = namespaceResid ? resources.get(namespaceResid) : undefined;
  const namespace = namespaceEntry?.element.attrs.DefaultValue;
  if (namespace !== "XSG") problems.push(`custom-functions namespace is "${namespace}", expected XSG`);
  if (namespaceEntry?.element.children.length) problems.push("the XSG namespace must not be localised");

  const metadataResid = cfResid("Metadata");
  const metadataOverrides: Record<string, string> = {};
  for (const o of metadataResid ? (resources.get(metadataResid)?.element.children ?? []) : []) {
    metadataOverrides[o.attrs.Locale] = o.attrs.Value;
  }

  // Declared sizes of images, for the icon-file checks.
  const images: { url: string; size: number }[] = [];
  for (const { element } of all) {
    if (localName(element) === "Image" && element.attrs.resid) {
      const url = resources.get(element.attrs.resid)?.element.attrs.DefaultValue;
      if (url) images.push({ url, size: Number(element.attrs.size) });
    }
  }
  const iconUrl = find(root, "IconUrl")[0]?.attrs.DefaultValue;
  const hiResUrl = find(root, "HighResolutionIconUrl")[0]?.attrs.DefaultValue;
  if (!iconUrl || !hiResUrl) problems.push("IconUrl and HighResolutionIconUrl are required");
  if (iconUrl) images.push({ url: iconUrl, size: 32 });
  if (hiResUrl) images.push({ url: hiResUrl, size: 64 });

  return {
    facts: {
      id,
      version,
      defaultLocale,
      namespace,
      permissions,
      runtimeUrl,
      scriptUrl: urlOf(cfResid("Script")),
      metadataUrl: urlOf(metadataResid),
      metadataOverrides,
      urls,
      images,
      requirementSets,
    },
    problems,
  };

  function checkLength(what: string, value: string | undefined, max: number): void {
    if (value === undefined || value.trim() === "") problems.push(`${what} is empty`);
    else if ([...value].length > max) problems.push(`${what} is ${[...value].length} characters, over ${max}`);
  }
}

function emptyFacts(): ManifestFacts {
  return {
    id: "",
    version: "",
    defaultLocale: "",
    namespace: undefined,
    permissions: "",
    runtimeUrl: undefined,
    scriptUrl: undefined,
    metadataUrl: undefined,
    metadataOverrides: {},
    urls: [],
    images: [],
    requirementSets: {},
  };
}

/** The base every URL shares, derived from the runtime page URL (".../taskpane.html"). */
export function baseUrlOf(facts: ManifestFacts, pageFile = "taskpane.html"): string {
  const url = facts.runtimeUrl ?? "";
  if (!url.endsWith(`/${pageFile}`)) throw new Error(`runtime URL ${url} does not end in /${pageFile}`);
  return url.slice(0, -pageFile.length);
}

/** URLs under `baseUrl` that name a file `exists` rejects (query strings ignored). */
export function unresolvedFiles(facts: ManifestFacts, baseUrl: string, exists: (file: string) => boolean): string[] {
  return facts.urls
    .filter((url) => url.startsWith(baseUrl))
    .map((url) => url.slice(baseUrl.length).split(/[?#]/)[0])
    .filter((file) => !exists(file));
}

/**
 * The files the manifest names under `baseUrl`, read through `readFile` (null = missing): every
 * one must exist, and every image must be a PNG of its declared size (read from the PNG header).
 */
export function inspectManifestFiles(
  facts: ManifestFacts,
  baseUrl: string,
  readFile: (file: string) => Buffer | null,
): string[] {
  const problems = unresolvedFiles(facts, baseUrl, (file) => readFile(file) !== null).map(
    (file) => `${file}: named by the manifest but not found`,
  );
  for (const { url, size } of facts.images) {
    if (!url.startsWith(baseUrl)) continue;
    const file = url.slice(baseUrl.length).split(/[?#]/)[0];
    const bytes = readFile(file);
    if (bytes === null) continue; // reported above
    try {
      const { width, height } = pngSize(bytes);
      if (width !== size || height !== size) problems.push(`${file}: ${width}×${height}, declared as ${size}×${size}`);
    } catch {
      problems.push(`${file}: not a PNG file`);
    }
  }
  return problems;
}
