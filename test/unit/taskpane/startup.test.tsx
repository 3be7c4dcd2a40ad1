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
  window.history.replaceState({}, "", "/");
  window.name = "";
});

/** Office opens the page with its host info in the URL (Excel on Windows here). */
const IN_EXCEL_URL = "/taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0";

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

test("no office.js in a plain browser: still starts, Chinese, says how to load the add-in, links the offline page", async () => {
  await boot(undefined);
  expect((document.getElementById("tab-policy") as HTMLButtonElement).getAttribute("aria-selected")).toBe("true");
  expect(document.body.textContent).toContain("未在 Excel 中运行");
  expect(document.body.textContent).toContain("上传我的加载项");
  expect(document.body.textContent).not.toContain("无法加载 office.js");
  const links = Array.from(document.querySelectorAll("a")).map((a) => a.getAttribute("href"));
  expect(links).toEqual(expect.arrayContaining(["standalone.html", "assets/help.html"]));
  expect(document.querySelector("h1")?.textContent).toBe("XSG 小升规");
  // The three steps, in order.
  const steps = Array.from(document.querySelectorAll("ol li")).map((li) => li.textContent?.split("：")[0]);
  expect(steps).toEqual(["选中表格", "读取数据", "开始填充"]);
});

test("no office.js inside Office (blocked CDN): an alert naming office.js and the intranet build, not 'not in Excel'", async () => {
  window.history.replaceState({}, "", IN_EXCEL_URL);
  await boot(undefined);
  const alert = document.querySelector('[role="alert"]')?.textContent ?? "";
  expect(alert).toContain("无法加载 office.js");
  expect(alert).toContain("--env officeJs=local");
  expect(alert).toContain("appsforoffice.microsoft.com");
  expect(document.body.textContent).not.toContain("未在 Excel 中运行");
  expect((document.getElementById("tab-fill") as HTMLButtonElement).disabled).toBe(true);
});

test("office.js loaded in Word: says the add-in is for Excel and names the host", async () => {
  await boot({ onReady: async () => ({ host: "Word", platform: "PC" }), context: {} });
  expect(document.body.textContent).toContain("本加载项只能在 Excel 中使用");
  expect(document.body.textContent).toContain("当前应用是“Word”");
  expect(document.body.textContent).not.toContain("无法加载 office.js");
});

test("until Office.onReady resolves the pane shows a loading state, then the guided first screen", async () => {
  let ready: (info: { host: string }) => void = () => undefined;
  await boot({ onReady: () => new Promise((resolve) => (ready = resolve)), context: {} });
  expect(document.body.textContent).toContain("正在连接 Excel…");
  expect(document.querySelector('[role="tab"]')).toBeNull();
  const { act } = require("react") as typeof import("react");
  await act(async () => {
    ready({ host: "Excel" });
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  });
  expect(document.body.textContent).not.toContain("正在连接 Excel…");
  expect(document.body.textContent).toContain("三步开始");
  expect((document.getElementById("tab-fill") as HTMLButtonElement).disabled).toBe(false);
});

test("Office's dark theme gives Fluent's dark theme, its light theme the light one", async () => {
  /** The neutral background Fluent's provider styles set (its theme tokens as CSS variables). */
  const background = async (officeTheme: unknown): Promise<string | undefined> => {
    document.head.innerHTML = "";
    await boot({ onReady: async () => ({ host: "Excel" }), context: { officeTheme } });
    // Fluent inserts its rules through the CSSOM, so read the sheets, not the <style> text.
    const css = Array.from(document.styleSheets)
      .flatMap((sheet) => Array.from(sheet.cssRules).map((rule) => rule.cssText))
      .join("\n");
    return /--colorNeutralBackground1:\s*(#[0-9a-f]+)/i.exec(css)?.[1].toLowerCase();
  };
  expect(await background({ isDarkTheme: true, bodyBackgroundColor: "#262626" })).toBe("#292929");
  expect(await background({ isDarkTheme: false, bodyBackgroundColor: "#ffffff" })).toBe("#ffffff");
  expect(await background(undefined)).toBe("#ffffff");
});

test("a theme switched while the pane was hidden is picked up when it is shown again", async () => {
  document.head.innerHTML = "";
  const office = { onReady: async () => ({ host: "Excel" }), context: { officeTheme: { isDarkTheme: false } } };
  await boot(office);
  const background = () =>
    /--colorNeutralBackground1:\s*(#[0-9a-f]+)/i
      .exec(
        Array.from(document.styleSheets)
          .flatMap((sheet) => Array.from(sheet.cssRules).map((rule) => rule.cssText))
          .join("\n"),
      )?.[1]
      .toLowerCase();
  expect(background()).toBe("#ffffff");
  office.context.officeTheme = { isDarkTheme: true };
  const { act } = require("react") as typeof import("react");
  await act(async () => {
    document.dispatchEvent(new Event("visibilitychange"));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  expect(document.visibilityState).toBe("visible");
  expect(background()).toBe("#292929");
});
