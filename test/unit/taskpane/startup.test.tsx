/**
 * @jest-environment jsdom
 */
const restoreWorkbookPolicies = jest.fn(async () => ({ restored: [], problems: ["stored.json：测试"] }));
jest.mock("../../../taskpane/excel", () => ({
  ExcelFillHost: class {
    readonly marker = "excel-host";
  },
  restoreWorkbookPolicies: () => restoreWorkbookPolicies(),
  workbookPolicyStore: (restored: { problems: readonly string[] }) => ({
    place: "workbook",
    load: () => [],
    save: async () => undefined,
    afterChange: async () => undefined,
    readWorkbook: async () => ({ document: null, cases: null, problems: [] }),
    startupProblems: restored.problems,
  }),
}));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// Each test loads the whole taskpane (Fluent UI, the policy core) afresh.
jest.setTimeout(60_000);

/** Load taskpane/index.tsx afresh (it starts on import) with this Office global. */
async function boot(office: unknown): Promise<void> {
  document.body.innerHTML = '<div id="container"></div>';
  (globalThis as { Office?: unknown }).Office = office;
  jest.resetModules();
  // act from the same module registry as the freshly loaded React.
  const { act } = require("react") as typeof import("react");
  await act(async () => {
    require("../../../taskpane/index");
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
  document.body.innerHTML = "";
});

function tabs(): string[] {
  return Array.from(document.querySelectorAll('[role="tab"]')).map(
    (t) => t.querySelector(".fui-Tab__content")?.textContent ?? "",
  );
}

test("in Excel with an English display language: the Excel host and English strings", async () => {
  await boot({
    onReady: async () => ({ host: "Excel", platform: "OfficeOnline" }),
    context: { displayLanguage: "en-US" },
  });
  expect(tabs()).toEqual(["Batch fill", "Lookup", "Policies"]);
  expect((document.getElementById("tab-fill") as HTMLButtonElement).disabled).toBe(false);
  expect(document.documentElement.lang).toBe("en");
});

test("in Excel the documents stored in the workbook are restored before the pane renders, and 政策浏览 can import", async () => {
  restoreWorkbookPolicies.mockClear();
  await boot({
    onReady: async () => ({ host: "Excel", platform: "PC" }),
    context: { displayLanguage: "zh-CN" },
  });
  expect(restoreWorkbookPolicies).toHaveBeenCalledTimes(1);
  const { act } = require("react") as typeof import("react");
  await act(async () => {
    (document.getElementById("tab-policy") as HTMLButtonElement).click();
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  });
  expect(document.body.textContent).toContain("导入的文件保存在本工作簿中");
  expect(document.body.textContent).toContain("stored.json：测试");
});

test("office.js loaded outside Office (host null): Chinese, policy browser only", async () => {
  await boot({ onReady: async () => ({ host: null, platform: null }), context: {} });
  expect(tabs()).toEqual(["批量填充", "资格查询", "政策浏览"]);
  expect((document.getElementById("tab-fill") as HTMLButtonElement).disabled).toBe(true);
  expect(document.body.textContent).toContain("未在 Excel 中运行");
  expect(document.documentElement.lang).toBe("zh-CN");
});

test("no office.js at all (CDN unreachable): still starts, Chinese, policy browser", async () => {
  await boot(undefined);
  expect((document.getElementById("tab-policy") as HTMLButtonElement).getAttribute("aria-selected")).toBe("true");
  expect(document.body.textContent).toContain("未在 Excel 中运行");
});
