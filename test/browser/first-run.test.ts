/**
 * The first five minutes, in the BUILT add-in (dist/): what taskpane.html shows before Excel is
 * there — in a plain browser (the guided first screen), inside Office with office.js blocked
 * (the intranet CDN case), in another Office application — Office's dark theme, and axe-core
 * over the taskpane and the offline page (no serious or critical violations).
 */
import {
  axeViolations,
  closeBrowser,
  officeJsDouble,
  openPage,
  screenshot,
  serveDist,
  type DistServer,
  type OpenedPage,
} from "./harness";

/** What Office appends to the add-in's URL (Excel on Windows, Chinese UI). */
const OFFICE_QUERY = "?_host_Info=Excel$Win32$16.01$zh-CN$$$$0";
const WIDTH = 340;

let server: DistServer;

beforeAll(async () => {
  server = await serveDist(process.env.XSG_DIST_DIR ? { root: process.env.XSG_DIST_DIR } : {});
});

afterAll(async () => {
  await server?.close();
  await closeBrowser();
});

async function heading(tab: OpenedPage): Promise<void> {
  await tab.page.locator("h1").waitFor({ timeout: 30_000 });
}

describe("taskpane.html before Excel is there", () => {
  test("a plain browser (real office.js, host null): the guided first screen, accessible", async () => {
    const tab = await openPage(`${server.url}taskpane.html`, { viewport: { width: WIDTH, height: 1000 } });
    try {
      await heading(tab);
      const { page } = tab;
      expect(await page.locator("h1").textContent()).toBe("XSG 小升规");
      await page.getByText("未在 Excel 中运行").waitFor();
      await page.getByText("上传我的加载项", { exact: false }).waitFor();
      const steps = await page.locator("ol li").allTextContents();
      expect(steps.map((s) => s.split("：")[0])).toEqual(["选中表格", "读取数据", "开始填充"]);
      // The links lead somewhere real on this server.
      for (const [name, file] of [
        ["使用帮助", "assets/help.html"],
        ["使用离线页面", "standalone.html"],
      ] as const) {
        const href = await page.getByRole("link", { name: new RegExp(name) }).getAttribute("href");
        expect(href).toBe(file);
        expect((await page.request.get(`${server.url}${href}`)).status()).toBe(200);
      }
      expect(await page.getByRole("alert").count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.emulateMedia({ reducedMotion: "reduce" });
      await screenshot(page, "first-run");
      expect(tab.errors).toEqual([]);
      expect(tab.blocked).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  test("inside Office with the CDN blocked: office.js is named as the cause, with the intranet build as the fix", async () => {
    const tab = await openPage(`${server.url}taskpane.html${OFFICE_QUERY}`, { officeJs: "none" });
    try {
      await heading(tab);
      const alert = tab.page.getByRole("alert");
      await alert.waitFor();
      const text = (await alert.textContent()) ?? "";
      expect(text).toContain("无法加载 office.js");
      expect(text).toContain("appsforoffice.microsoft.com");
      expect(text).toContain("npm run build -- --env officeJs=local");
      expect(await tab.page.getByText("未在 Excel 中运行").count()).toBe(0);
      expect(await tab.page.getByRole("link", { name: "使用帮助" }).getAttribute("href")).toBe(
        "assets/help.html#office-js",
      );
      // The policy browser still works without Office.
      expect(await tab.page.getByRole("tab", { name: "政策浏览" }).getAttribute("aria-selected")).toBe("true");
      expect(await axeViolations(tab.page)).toEqual([]);
      // The only page error is the functions bundle finding no CustomFunctions: nothing else broke.
      expect(tab.errors.filter((e) => !/CustomFunctions is not defined/.test(e))).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  test("the same blocked CDN in a plain browser is not an Office failure: the outside-Excel guide", async () => {
    const tab = await openPage(`${server.url}taskpane.html`, { officeJs: "none" });
    try {
      await heading(tab);
      await tab.page.getByText("未在 Excel 中运行").waitFor();
      expect(await tab.page.getByRole("alert").count()).toBe(0);
    } finally {
      await tab.close();
    }
  });

  test("office.js loaded but the host is Word: says the add-in is for Excel, names Word", async () => {
    const tab = await openPage(`${server.url}taskpane.html`, { officeJs: officeJsDouble({ host: "Word" }) });
    try {
      await heading(tab);
      await tab.page.getByText("本加载项只能在 Excel 中使用").waitFor();
      expect(await tab.page.textContent("body")).toContain("当前应用是“Word”");
      expect(await tab.page.getByText("无法加载 office.js").count()).toBe(0);
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});

describe("theme and accessibility in Excel", () => {
  /** Excel (the double) with Office's theme set as given. */
  const excelWithTheme = (officeTheme: object) =>
    officeJsDouble({ host: "Excel", extra: `window.Office.context.officeTheme = ${JSON.stringify(officeTheme)};` });

  const paneBackground = (tab: OpenedPage) =>
    tab.page.evaluate(() => getComputedStyle(document.querySelector(".fui-FluentProvider")!).backgroundColor);

  test("Office's Black theme gives a dark pane with the guide; light stays light; both pass axe", async () => {
    const dark = await openPage(`${server.url}taskpane.html`, {
      officeJs: excelWithTheme({ isDarkTheme: true, bodyBackgroundColor: "#262626" }),
      viewport: { width: WIDTH, height: 900 },
    });
    const light = await openPage(`${server.url}taskpane.html`, {
      officeJs: excelWithTheme({ isDarkTheme: false, bodyBackgroundColor: "#FFFFFF" }),
      viewport: { width: WIDTH, height: 900 },
    });
    try {
      for (const tab of [dark, light]) {
        await tab.page.getByText("三步开始").waitFor({ timeout: 30_000 });
        expect(await tab.page.getByRole("tab", { name: "批量填充" }).getAttribute("aria-selected")).toBe("true");
        expect(await axeViolations(tab.page)).toEqual([]);
        expect(tab.errors).toEqual([]);
      }
      expect(await paneBackground(dark)).toBe("rgb(41, 41, 41)");
      expect(await paneBackground(light)).toBe("rgb(255, 255, 255)");
      await dark.page.emulateMedia({ reducedMotion: "reduce" });
      await screenshot(dark.page, "taskpane-dark");
    } finally {
      await dark.close();
      await light.close();
    }
  });
});

describe("the offline page", () => {
  test("standalone.html has a main landmark and one h1, and passes axe", async () => {
    const tab = await openPage(`${server.url}standalone.html`);
    try {
      await heading(tab);
      expect(await tab.page.locator("main").count()).toBe(1);
      expect(await tab.page.locator("h1").count()).toBe(1);
      expect(await axeViolations(tab.page)).toEqual([]);
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});
