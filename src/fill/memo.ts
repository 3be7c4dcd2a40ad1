/**
 * Remembers a pure function of a cell's text. A column such as 企业性质 or 所属行业 holds a
 * handful of distinct texts over 100,000 rows, so the fill works each out once. Bounded: the
 * cache is cleared when full, so an unusual sheet cannot grow it without limit.
 */
export function memoizeText<T>(fn: (text: string) => T, max = 4096): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined && !cache.has(text)) {
      value = fn(text);
      if (cache.size >= max) cache.clear();
      cache.set(text, value);
    }
    return value as T;
  };
}
