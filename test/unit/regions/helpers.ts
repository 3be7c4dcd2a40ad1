import type { XsgError } from "../../../src/errors";
import { errorOf } from "../xsg-error";

export { errorOf };

/** An #N/A for `field` whose detail contains every one of `parts`. */
export function expectNa(fn: () => unknown, parts: readonly string[] = [], field = "region"): XsgError {
  const error = errorOf(fn);
  expect(error.code).toBe("NA");
  expect(error.field).toBe(field);
  for (const part of parts) expect(error.detail).toContain(part);
  return error;
}

export const FIVE_REGIONS = ["温州市鹿城区", "晋城市", "福州市闽侯县", "杭州市", "抚顺市顺城区"] as const;

/** 杭州市's 13 current county-level divisions (2021 adjustment included). */
export const HANGZHOU_CURRENT: readonly [string, string][] = [
  ["330102", "上城区"],
  ["330105", "拱墅区"],
  ["330106", "西湖区"],
  ["330108", "滨江区"],
  ["330109", "萧山区"],
  ["330110", "余杭区"],
  ["330111", "富阳区"],
  ["330112", "临安区"],
  ["330113", "临平区"],
  ["330114", "钱塘区"],
  ["330122", "桐庐县"],
  ["330127", "淳安县"],
  ["330182", "建德市"],
];

/** 晋城市's 6 current county-level divisions. */
export const JINCHENG_CURRENT: readonly [string, string][] = [
  ["140502", "城区"],
  ["140521", "沁水县"],
  ["140522", "阳城县"],
  ["140524", "陵川县"],
  ["140525", "泽州县"],
  ["140581", "高平市"],
];
