import { en, fmt, pickLanguage, stringsFor, zh } from "../../../taskpane/strings";

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("taskpane strings", () => {
  test("zh and en have exactly the same keys, none empty", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [key, value] of [...Object.entries(zh), ...Object.entries(en)]) {
      expect(`${key}=${value.trim()}`).not.toBe(`${key}=`);
    }
  });

  test("each English string has the same placeholders as its Chinese original", () => {
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect([key, placeholders(en[key])]).toEqual([key, placeholders(zh[key])]);
    }
  });

  test("Chinese strings are Chinese (a forgotten English copy would pass the key check)", () => {
    const chinese = /[\u4e00-\u9fff]/;
    const untranslated = Object.entries(zh).filter(
      ([, value]) => !chinese.test(value) && !/^[\s{}\w–≥=().]*$/.test(value),
    );
    expect(untranslated).toEqual([]);
    expect(Object.values(zh).filter((value) => chinese.test(value)).length).toBeGreaterThan(
      Object.keys(zh).length * 0.8,
    );
  });

  test("language: zh-CN by default, English only when Office says so", () => {
    expect(pickLanguage(undefined)).toBe("zh");
    expect(pickLanguage(null)).toBe("zh");
    expect(pickLanguage("zh-CN")).toBe("zh");
    expect(pickLanguage("zh-TW")).toBe("zh");
    expect(pickLanguage("en-US")).toBe("en");
    expect(pickLanguage("EN-gb")).toBe("en");
    expect(pickLanguage("fr-FR")).toBe("zh");
    expect(stringsFor("en")).toBe(en);
    expect(stringsFor("zh")).toBe(zh);
  });

  test("fmt fills placeholders and leaves unknown ones visible", () => {
    expect(fmt(zh.fillProgress, { done: 3000, total: 100000 })).toBe("已处理 3000 / 100000 行");
    expect(fmt("{a}{b}", { a: 1 })).toBe("1{b}");
  });
});
