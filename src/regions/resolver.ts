/**
 * Region resolution (R12): whatever an official typed in the region cell — a name,
 * a short form, a qualified name, a 6-digit division code, a credit code — becomes
 * the id of the policy that covers it, or an XsgError that says why not.
 *
 * The resolver is built from coverage entries (region id, name, code, level) that come from
 * the policy documents, so a sixth region is data, not code. Custom functions call resolve() once per cell:
 * every answer, error included, is cached per input, so a repeated input costs one
 * Map lookup; the national name index is built once, on first use.
 *
 * Readings where R12 is silent (an auditor's, chosen so a typo never pays out):
 *  - a full name beats short forms (朝阳市 is one place); a short form needs ≥ 2 characters
 *    (城区 and 郊区 have none); a wrong suffix (鹿城县) is not guessed at;
 *  - several candidates that all fall under the same policy resolve (富阳: 富阳区/富阳市/富阳县);
 *  - a 6-digit code must be in the table (current or historical): 330199 is #N/A even though it
 *    starts with 杭州's 3301; XXYY01 (a city's old 市辖区 code, common in development-zone credit
 *    codes) counts as the city; XX0000 is province level and #N/A;
 *  - a historical code belongs to the city it lies in today; it meets a county-level policy only
 *    when that county is its single successor (or the same code renamed: 抚顺郊区 → 顺城区);
 *  - a number is a code when it is a 6-digit integer; ≥ 1e17 is a credit code Excel mangled (#N/A
 *    with advice); other finite numbers are unknown regions (#N/A); booleans, dates, objects and
 *    multi-cell ranges are #VALUE!.
 */
import { naError, valueError, type XsgErrorCode } from "../errors";
import type { RegionId } from "../model";
import { BLANK, quoteInput, unwrapCell } from "../parse/text";
import { checkUscc } from "../parse/uscc";
import { normalizePlaceText, placesNamed } from "./names";
import { placeLabel, placeOfCode, type Place } from "./table";

/**
 * What a region's policy documents cover (R12). "city": every county-level code under the
 * 4-digit prefix of `divisionCode` (and the city's own codes); "county": exactly that county.
 * The documents carry these four fields (src/policies/catalog.ts builds the list from them).
 */
export interface RegionCoverage {
  readonly id: RegionId;
  /** Canonical Chinese name, e.g. 温州市鹿城区, 杭州市. */
  readonly regionName: string;
  /** 6-digit GB/T 2260 code: 330302, 330100. */
  readonly divisionCode: string;
  readonly level: "city" | "county";
}

export interface RegionResolver {
  /** The policy region `value` names; throws XsgError (NA or VALUE) with `field` (default "region"). */
  resolve(value: unknown, field?: string): RegionId;
  /** The policy region covering a 6-digit code (current or historical), or null. */
  regionOfCode(code: string): RegionId | null;
  regions(): readonly RegionCoverage[];
}

/** How one place relates to the coverages. */
type Coverage =
  | { kind: "region"; id: RegionId }
  /** A city or province code/name above the county-level policies inside it: the district is unknown. */
  | { kind: "above"; inside: RegionCoverage[] }
  | { kind: "outside" };

type Answer = { id: RegionId } | { code: XsgErrorCode; detail: string };

const CACHE_LIMIT = 4096;

/** A candidate in an ambiguity list; a historical one says so (晋城市郊区 is 泽州县 since 1996). */
const candidateLabel = (place: Place): string =>
  place.historical ? `${placeLabel(place)}（历史区划）` : placeLabel(place);

function checkCoverages(coverages: readonly RegionCoverage[]): void {
  const ids = new Set<string>();
  for (const c of coverages) {
    if (!c.id || ids.has(c.id)) throw new Error(`region coverage: duplicate or empty id "${c.id}"`);
    ids.add(c.id);
    if (!/^\d{6}$/.test(c.divisionCode)) throw new Error(`region coverage ${c.id}: divisionCode must be 6 digits`);
    if (c.level !== "city" && c.level !== "county") throw new Error(`region coverage ${c.id}: level "${c.level}"`);
    if (c.level === "city" && !c.divisionCode.endsWith("00")) {
      throw new Error(`region coverage ${c.id}: a city-level divisionCode ends in 00`);
    }
  }
}

export function createRegionResolver(coverages: readonly RegionCoverage[]): RegionResolver {
  checkCoverages(coverages);
  const list = coverages.map((c) => c.regionName).join("、");
  const cityPrefix = (c: RegionCoverage): string => c.divisionCode.slice(0, 4);

  // Canonical names and ids answer without touching the national index.
  const direct = new Map<string, RegionId>();
  for (const c of coverages) {
    direct.set(normalizePlaceText(c.regionName), c.id);
    direct.set(c.id.toLowerCase(), c.id);
  }

  function coverageOf(place: Place): Coverage {
    if (place.level === "county") {
      const county = coverages.find(
        (c) =>
          c.level === "county" &&
          (c.divisionCode === place.code ||
            (place.historical && place.successors?.length === 1 && place.successors[0] === c.divisionCode)),
      );
      if (county) return { kind: "region", id: county.id };
      const city = coverages.find((c) => c.level === "city" && cityPrefix(c) === place.cityCode);
      return city ? { kind: "region", id: city.id } : { kind: "outside" };
    }
    if (place.level === "city") {
      const city = coverages.find((c) => c.level === "city" && cityPrefix(c) === place.cityCode);
      if (city) return { kind: "region", id: city.id };
      const inside = coverages.filter((c) => cityPrefix(c) === place.cityCode);
      return inside.length > 0 ? { kind: "above", inside } : { kind: "outside" };
    }
    const inside = coverages.filter((c) => c.divisionCode.startsWith(place.provinceCode));
    return inside.length > 0 ? { kind: "above", inside } : { kind: "outside" };
  }

  const na = (detail: string): Answer => ({ code: "NA", detail });
  const unknownText = (shown: string): Answer =>
    na(`无法识别的地区${shown}；已编码政策的地区：${list}（可填地区名称、6位行政区划代码或18位统一社会信用代码）`);

  /** `how` says what the place was read from, e.g. "代码“330300”"; empty for a name. */
  function answerFor(place: Place, how = ""): Answer {
    const coverage = coverageOf(place);
    if (coverage.kind === "region") return { id: coverage.id };
    const notes = [how, place.historical ? `历史区划：${place.note}` : ""].filter(Boolean).join("，");
    const named = notes ? `${placeLabel(place)}（${notes}）` : placeLabel(place);
    if (coverage.kind === "outside") return na(`${named}：该地区无已编码的小升规政策；已编码政策的地区：${list}`);
    const inside = coverage.inside.map((c) => c.regionName).join("、");
    if (place.level === "province") {
      return na(
        `${named}只到省级，无法确定所属市县：本省已编码政策的地区有${inside}，请填写市县名称（如“${coverage.inside[0].regionName}”）或6位区县代码`,
      );
    }
    return na(
      `${named}只到市级，无法确定区县：${inside}的政策只覆盖该区县，请填写区县名称（如“${coverage.inside[0].regionName}”）或6位区县代码`,
    );
  }

  function answerCode(code: string, how: string): Answer {
    const place = placeOfCode(code);
    if (!place) {
      const from = how.startsWith("统一") ? `（${how}）` : "";
      return na(`未知的行政区划代码“${code}”${from}：不在现行或已收录的历史县级以上区划代码中`);
    }
    return answerFor(place, how);
  }

  function answerName(text: string, shown: string): Answer {
    const candidates = placesNamed(text);
    if (candidates.length === 0) return unknownText(shown);
    const answers = candidates.map((p) => ({ place: p, coverage: coverageOf(p) }));
    const first = answers[0].coverage;
    if (first.kind === "region" && answers.every((a) => a.coverage.kind === "region" && a.coverage.id === first.id)) {
      return { id: first.id };
    }
    const labels = [...new Set(answers.map((a) => candidateLabel(a.place)))];
    if (labels.length === 1) return answerFor(candidates[0]);
    return na(`${shown}在全国有多个同名地区：${labels.join("、")}；请连同所属城市一起填写，如“${exampleFor(answers)}”`);
  }

  /** The candidate an ambiguity message suggests writing: the covered one, else the policy area the name is above. */
  function exampleFor(answers: { place: Place; coverage: Coverage }[]): string {
    const covered = answers.find((a) => a.coverage.kind === "region");
    if (covered) return placeLabel(covered.place);
    for (const a of answers) if (a.coverage.kind === "above") return a.coverage.inside[0].regionName;
    return placeLabel(answers.find((a) => a.place.level === "county")?.place ?? answers[0].place);
  }

  function answerText(raw: string): Answer {
    const text = normalizePlaceText(raw).toUpperCase();
    const shown = quoteInput(raw.trim());
    if (text === "") return na(`未填写地区；已编码政策的地区：${list}`);
    const id = direct.get(text.toLowerCase());
    if (id) return { id };
    if (/^\d{6}$/.test(text)) return answerCode(text, `代码“${text}”`);
    if (text.length === 18) {
      // Positions 3–8 of a credit code are the registering authority's division code. A failed
      // check character is only a warning (R15): the division code still counts.
      const uscc = checkUscc(text);
      if (uscc.wellFormed && uscc.divisionCode) {
        const warning = uscc.checksumOk ? "" : "，校验位不符";
        return answerCode(uscc.divisionCode, `统一社会信用代码“${text}”第3–8位“${uscc.divisionCode}”${warning}`);
      }
    }
    return answerName(text, shown);
  }

  function answerValue(value: unknown): Answer {
    const cell = unwrapCell(value);
    if (cell === BLANK) return na(`未填写地区；已编码政策的地区：${list}`);
    if (typeof cell === "string") return answerText(cell);
    if (typeof cell === "number") {
      if (!Number.isFinite(cell)) return { code: "VALUE", detail: `无法识别的地区${quoteInput(cell)}` };
      if (Number.isInteger(cell) && cell >= 100000 && cell <= 999999) return answerCode(String(cell), `代码“${cell}”`);
      if (cell >= 1e17) {
        return na(`统一社会信用代码被存成了数字${quoteInput(cell)}，末几位已丢失；请把单元格设为文本后重新输入`);
      }
      return unknownText(quoteInput(cell));
    }
    if (Array.isArray(cell)) return { code: "VALUE", detail: "地区只能填写一个单元格" };
    return { code: "VALUE", detail: `地区应为名称、6位行政区划代码或统一社会信用代码，收到${quoteInput(cell)}` };
  }

  // Keyed by the cell value itself: 330104 and "330104" are different keys, both cached.
  const cache = new Map<string | number, Answer>();
  function cachedAnswer(value: unknown): Answer {
    if (Array.isArray(value) && value.length === 1) return cachedAnswer(value[0]); // [[cell]] from a range
    if (typeof value !== "string" && typeof value !== "number") return answerValue(value);
    const hit = cache.get(value);
    if (hit) return hit;
    const answer = answerValue(value);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string | number);
    cache.set(value, answer);
    return answer;
  }

  return {
    resolve(value: unknown, field = "region"): RegionId {
      const answer = cachedAnswer(value);
      if ("id" in answer) return answer.id;
      throw answer.code === "NA" ? naError(field, answer.detail) : valueError(field, answer.detail);
    },
    regionOfCode(code: string): RegionId | null {
      const place = placeOfCode(code);
      if (!place) return null;
      const coverage = coverageOf(place);
      return coverage.kind === "region" ? coverage.id : null;
    },
    regions: () => coverages,
  };
}
