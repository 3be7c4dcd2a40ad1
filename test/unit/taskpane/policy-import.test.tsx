/**
 * @jest-environment jsdom
 */
/**
 * 导入政策文件 in 政策浏览: refused files show every problem; an overlap with a built-in
 * document asks which wins; an accepted document is shown with its label, drives the custom
 * functions (one active catalog) and is kept by the host's store — here the add-in's workbook
 * settings through the Excel double, and the offline page's localStorage.
 */
import "./text-encoding";
import * as fs from "fs";
import * as path from "path";
import { act } from "react";
import { award } from "../../../functions/adapter";
import {
  activeCatalog,
  BUILT_IN_CATALOG,
  importDocument,
  POLICIES,
  serializePolicyDocument,
  useCatalog,
} from "../../../src/policies";
import { App } from "../../../taskpane/App";
import { PolicyBrowser } from "../../../taskpane/components/PolicyBrowser";
import { PolicyStoreContext, type PolicyStore } from "../../../taskpane/components/policyStore";
import { POLICY_SETTING, restoreWorkbookPolicies, workbookPolicyStore } from "../../../taskpane/excel/policy-store";
import { browserPolicyStore, POLICY_STORAGE_KEY } from "../../../taskpane/standalone/policy-store";
import { installExcelDouble, uninstallExcelDouble, type DoubleWorkbook } from "../../doubles/excel-double";
import { FakeHost } from "./fake-host";
import { button, cleanup, flush, render } from "./render";

const EXAMPLE = fs.readFileSync(path.join(__dirname, "../../../examples/policies/shili-county.json"), "utf8");
const LABEL = "示政办〔2099〕1号（示例）《示例县小升规奖励办法（示例，非真实政策）》（导入文件 shili-county.json）";

let workbook: DoubleWorkbook;

beforeEach(() => {
  workbook = installExcelDouble();
});

afterEach(() => {
  cleanup();
  useCatalog(BUILT_IN_CATALOG);
  uninstallExcelDouble();
  localStorage.clear();
});

async function mount(store: PolicyStore): Promise<void> {
  render(
    <PolicyStoreContext.Provider value={store}>
      <PolicyBrowser />
    </PolicyStoreContext.Provider>,
  );
  await flush();
}

async function chooseFile(name: string, content: string | Uint8Array): Promise<void> {
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  const file = new File([content as BlobPart], name);
  Object.defineProperty(input, "files", { configurable: true, value: [file] });
  await act(async () => {
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
  await flush(6);
}

function text(): string {
  return document.body.textContent ?? "";
}

async function excelStore(): Promise<PolicyStore> {
  return workbookPolicyStore(await restoreWorkbookPolicies());
}

test("an accepted document is shown with its label, kept in the workbook and used by the functions", async () => {
  await mount(await excelStore());
  expect(text()).toContain("导入的文件保存在本工作簿中");
  await chooseFile("shili-county.json", EXAMPLE);

  expect(text()).toContain("已导入");
  expect(text()).toContain(`${LABEL}：示例县`);
  // 政策浏览 now shows the imported document itself
  expect((document.querySelector('[role="combobox"]') as HTMLElement).textContent).toContain("示例县 · ");
  expect(text()).toContain("个转企额外奖励");
  expect(text()).toContain(LABEL);
  // the functions use it (shared runtime: one active catalog)…
  expect(award("示例县", 2500, 2025, 2025, null, "个转企")).toBe(25);
  // …it is saved into the file, and the formulas were recalculated
  expect(workbook.savedSettings.get(POLICY_SETTING)).toEqual([
    expect.objectContaining({ file: "shili-county.json", precedence: "refuse" }),
  ]);
  expect(workbook.calculations).toEqual(["Full"]);
});

test("a refused document shows every problem in Chinese and changes nothing", async () => {
  await mount(await excelStore());
  const bad = JSON.parse(EXAMPLE);
  bad.clauses[0].kind = "lottery";
  bad.clauses[2].params.rate.unit = "成";
  delete bad.title;
  await chooseFile("bad.json", JSON.stringify(bad));

  const alert = document.querySelector('[role="alert"]') as HTMLElement;
  expect(alert.textContent).toMatch(/未导入“bad\.json”：共 \d+ 处问题/);
  const items = Array.from(alert.querySelectorAll("li")).map((li) => li.textContent ?? "");
  expect(items.length).toBeGreaterThanOrEqual(3);
  expect(items.some((item) => item.includes("title"))).toBe(true);
  expect(items.some((item) => item.includes("shili-2025.1") && item.includes("upgrade-schedule"))).toBe(true);
  expect(items.some((item) => item.includes("rate.unit"))).toBe(true);
  expect(activeCatalog()).toBe(BUILT_IN_CATALOG);
  expect(workbook.savedSettings.has(POLICY_SETTING)).toBe(false);
  expect(workbook.calculations).toEqual([]);
});

function hangzhouSuccessor(): string {
  const hangzhou = JSON.parse(serializePolicyDocument(POLICIES.find((policy) => policy.id === "hangzhou")!));
  hangzhou.id = "hangzhou-user";
  hangzhou.title = "杭州测试文件（示例）";
  hangzhou.clauses = hangzhou.clauses.map((clause: { id: string }) => ({
    ...clause,
    id: clause.id.replace(/^hangzhou/, "hangzhou-user"),
  }));
  hangzhou.clauses[0].params.instalments[0].amount.value = 50;
  return JSON.stringify(hangzhou);
}

test("overlapping a built-in document asks; 不导入 keeps the built-in one", async () => {
  await mount(await excelStore());
  await chooseFile("hz.json", hangzhouSuccessor());
  expect(text()).toContain("与内置文件重叠，请选择");
  expect(text()).toContain("杭政办函〔2024〕3号");
  expect(activeCatalog()).toBe(BUILT_IN_CATALOG);
  act(() => button("不导入").click());
  await flush();
  expect(text()).not.toContain("与内置文件重叠");
  expect(activeCatalog()).toBe(BUILT_IN_CATALOG);
  expect(award("杭州市", 2500, 2024, 2024, null, null)).toBe(20);
});

test("导入文件优先 sets the built-in document aside, explicitly; removing the import restores it", async () => {
  await mount(await excelStore());
  await chooseFile("hz.json", hangzhouSuccessor());
  act(() => button("导入文件优先").click());
  await flush(6);
  expect(award("杭州市", 2500, 2024, 2024, null, null)).toBe(50);
  expect(activeCatalog().setAside.map((entry) => entry.policy.documentNumber)).toEqual(["杭政办函〔2024〕3号"]);
  expect(text()).toContain("导入文件优先（搁置 杭政办函〔2024〕3号）");
  expect(workbook.savedSettings.get(POLICY_SETTING)).toEqual([
    expect.objectContaining({ file: "hz.json", precedence: "user-first" }),
  ]);

  act(() => button("移除").click());
  await flush(6);
  expect(text()).toContain("已移除“hz.json”");
  expect(activeCatalog().documents).toEqual(BUILT_IN_CATALOG.documents);
  expect(award("杭州市", 2500, 2024, 2024, null, null)).toBe(20);
  expect(workbook.savedSettings.has(POLICY_SETTING)).toBe(false);
  expect(workbook.calculations).toEqual(["Full", "Full"]);
});

test("a stored document that fails its check at startup is reported, not used", async () => {
  installExcelDouble(globalThis, {
    sheets: [{ name: "Sheet1" }],
    settings: { [POLICY_SETTING]: [{ file: "old.json", text: "{}", precedence: "refuse" }] },
  });
  await mount(await excelStore());
  expect(text()).toContain("工作簿中保存的导入文件未能载入，当前使用内置文件");
  expect(text()).toContain("old.json");
  expect(activeCatalog()).toBe(BUILT_IN_CATALOG);
});

test("offline page: kept in this browser's localStorage (it says so) and active again on the next visit", async () => {
  await mount(browserPolicyStore(localStorage));
  expect(text()).toContain("导入的文件只保存在本浏览器中（localStorage，不上传）");
  await chooseFile("shili-county.json", EXAMPLE);
  expect(JSON.parse(localStorage.getItem(POLICY_STORAGE_KEY)!)).toEqual([
    expect.objectContaining({ file: "shili-county.json" }),
  ]);
  cleanup();
  useCatalog(BUILT_IN_CATALOG);

  const next = browserPolicyStore(localStorage); // the page opened again
  expect(next.startupProblems).toEqual([]);
  expect(award("示例县", 2500, 2025, 2025, null, null)).toBe(20);
  await mount(next);
  expect(text()).toContain("已导入的文件");
  expect(text()).toContain(LABEL);
});

test("the authoring workbook (.xlsx) is imported like its JSON twin", async () => {
  await mount(await excelStore());
  const template = fs.readFileSync(path.join(__dirname, "../../../examples/policies/policy-template.xlsx"));
  await chooseFile("policy-template.xlsx", new Uint8Array(template));
  expect(text()).toContain("已导入");
  expect(text()).toContain("《示例县小升规奖励办法（示例，非真实政策）》（导入文件 policy-template.xlsx）");
  expect(award("示例县", 2500, 2025, 2025, null, "个转企")).toBe(25);
});

test("资格查询 names the imported document it used (title and file), clause by clause", async () => {
  const store = await excelStore();
  const outcome = importDocument([], EXAMPLE, "shili-county.json");
  if (outcome.kind !== "accepted") throw new Error(outcome.kind);
  await store.save(outcome.imported);
  useCatalog(outcome.catalog);
  const header = ["企业名称", "所属地区", "主营业务收入（万元）", "首次入库年份", "年度", "标签"];
  const host = new FakeHost([header, ["示例甲机械有限公司", "示例县", 2500, 2025, 2025, "个转企"]]);
  host.selection = { sheetName: host.sheetName, row: 1, column: 0 };
  render(
    <PolicyStoreContext.Provider value={store}>
      <App host={host} initialTab="lookup" />
    </PolicyStoreContext.Provider>,
  );
  const panel = () => document.querySelector('[aria-labelledby="tab-lookup"]')?.textContent ?? "";
  for (let i = 0; i < 200 && !panel().includes("示例甲机械有限公司"); i++) await flush(1);
  expect(panel()).toContain(LABEL);
  expect(panel()).toContain(`原文（${LABEL} 第一条）`);
  expect(document.querySelector('[data-testid="lookup-total"]')?.textContent).toMatch(/^25(\.\d+)? 万元$/);
});
