/**
 * Texts that depend on one object (a document, a region, an exclusion) and one number (a year, a
 * tag mask) only, built once each. A fill of 100,000 rows quotes the same "升规年份 2021 不在…覆盖范围"
 * sentence thousands of times; building it per row was a fifth of the fill's garbage. Bounded per object.
 */
const MAX_TEXTS = 256;

export function textMemo<K extends object>(build: (key: K, year: number) => string): (key: K, year: number) => string {
  const byKey = new WeakMap<K, Map<number, string>>();
  return (key, year) => {
    let texts = byKey.get(key);
    if (texts === undefined) byKey.set(key, (texts = new Map()));
    let text = texts.get(year);
    if (text === undefined) {
      text = build(key, year);
      if (texts.size >= MAX_TEXTS) texts.clear();
      texts.set(year, text);
    }
    return text;
  };
}
