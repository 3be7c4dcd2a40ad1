import { detectStartup, isDarkTheme, officeHostHint, type PageSignals } from "../../../taskpane/startup";

const page = (over: Partial<PageSignals> = {}): PageSignals => ({
  search: "",
  windowName: "",
  storedHostInfo: null,
  ...over,
});

describe("officeHostHint: was the page opened by Office?", () => {
  test("from the _host_Info query parameter Office adds", () => {
    expect(officeHostHint(page({ search: "?_host_Info=Excel$Win32$16.01$zh-CN$$$$0" }))).toEqual({
      app: "excel",
      platform: "win32",
      locale: "zh-CN",
    });
    expect(officeHostHint(page({ search: "?_host_Info=Excel%24Web%2416.00%24en-US" }))?.platform).toBe("web");
  });
  test("from window.name JSON and from office.js's stored value; '|' separated too", () => {
    expect(officeHostHint(page({ windowName: JSON.stringify({ hostInfo: "Word|Mac|16.00|en-US" }) }))?.app).toBe(
      "word",
    );
    expect(officeHostHint(page({ storedHostInfo: "Excel$OfficeOnline$16.00$zh-CN" }))?.app).toBe("excel");
  });
  test("a plain browser gives none", () => {
    expect(officeHostHint(page())).toBeNull();
    expect(officeHostHint(page({ search: "?lang=en", windowName: "some-frame" }))).toBeNull();
    expect(officeHostHint(page({ search: "?_host_Info=" }))).toBeNull();
  });
});

describe("isDarkTheme", () => {
  test("Office's own flag wins", () => {
    expect(isDarkTheme({ isDarkTheme: true, bodyBackgroundColor: "#ffffff" })).toBe(true);
    expect(isDarkTheme({ isDarkTheme: false, bodyBackgroundColor: "#000000" })).toBe(false);
  });
  test("without the flag, a dark body background", () => {
    expect(isDarkTheme({ bodyBackgroundColor: "#262626" })).toBe(true);
    expect(isDarkTheme({ bodyBackgroundColor: "#E6E6E6" })).toBe(false);
    expect(isDarkTheme({ bodyBackgroundColor: "not a colour" })).toBe(false);
    expect(isDarkTheme(null)).toBe(false);
  });
});

describe("detectStartup", () => {
  const office = (host: string | null, extra: object = {}) =>
    ({ onReady: async () => ({ host }), context: { displayLanguage: "zh-CN", ...extra } }) as unknown as typeof Office;
  const inExcel = page({ search: "?_host_Info=Excel$Win32$16.01$zh-CN" });

  test("office.js missing: blocked inside Office vs a plain browser", async () => {
    expect((await detectStartup(undefined, inExcel)).kind).toBe("officeJsMissing");
    expect((await detectStartup(undefined, page())).kind).toBe("outsideOffice");
  });
  test("office.js loaded: Excel, another host (named), or no host", async () => {
    expect(await detectStartup(office("Excel", { officeTheme: { isDarkTheme: true } }), inExcel)).toEqual({
      kind: "excel",
      language: "zh",
      dark: true,
    });
    expect(await detectStartup(office("PowerPoint"), page())).toMatchObject({
      kind: "notExcel",
      hostName: "PowerPoint",
    });
    expect((await detectStartup(office(null), page())).kind).toBe("outsideOffice");
  });
  test("the language follows Office, else the host info's locale", async () => {
    expect((await detectStartup(office("Excel", { displayLanguage: "en-US" }), page())).language).toBe("en");
    expect((await detectStartup(undefined, page({ search: "?_host_Info=Excel$Win32$16.01$en-US" }))).language).toBe(
      "en",
    );
  });
});
