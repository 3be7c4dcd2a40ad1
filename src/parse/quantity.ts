/**
 * Areas (m²) and lease lengths (whole months) for the rent subsidy (R9).
 */
import { valueError } from "../errors";
import { decimalOf, isWholeAfterScaling, scaleToInteger, type Decimal } from "./decimal";
import { BLANK, compact, hasSplitDigits, quoteInput, stripThousands, unwrapCell } from "./text";

/** 1 000 km²: above any plant; keeps 2 元 × m² × months far below 2^53. */
export const MAX_AREA = 1e9;
/** 1000 years: above any lease; same reason. */
export const MAX_MONTHS = 12_000;

const AREA_EXAMPLES = "请填写平方米数，如 1200、1,200㎡、1200平方米";
const MONTH_EXAMPLES = "请填写整月数，如 36、36个月、3年";

const AREA_UNIT = /^(?:㎡|m2|m²|m\^2|平方米|平米|平方)$/i;
const NUMBER_THEN_UNIT = /^([\d.,]+(?:e[-+]?\d+)?)(.*)$/i;

/** Parse an area in m². Missing ⇒ null; negative, non-finite, other units or garbage ⇒ XsgError VALUE. */
export function parseArea(value: unknown, field: string): number | null {
  const cell = typeof value === "number" ? value : unwrapCell(value);
  if (cell === BLANK) return null;
  if (typeof cell === "number") return checkedArea(cell, value, field);
  if (typeof cell !== "string") throw valueError(field, `无法识别的面积${quoteInput(cell)}，${AREA_EXAMPLES}`);

  if (hasSplitDigits(cell)) throw valueError(field, `无法识别的面积${quoteInput(cell)}，${AREA_EXAMPLES}`);
  const text = compact(cell);
  if (/^[-\u2212]/.test(text) && /\d/.test(text)) throw valueError(field, `面积不能为负：${quoteInput(cell)}`);
  const match = NUMBER_THEN_UNIT.exec(text.replace(/^\+/, ""));
  const numberText = match ? stripThousands(match[1]) : null;
  const unitOk = match !== null && (match[2] === "" || AREA_UNIT.test(match[2]));
  if (numberText === null || !unitOk || decimalOf(numberText) === null) {
    throw valueError(field, `无法识别的面积${quoteInput(cell)}，${AREA_EXAMPLES}`);
  }
  return checkedArea(Number(numberText), cell, field);
}

function checkedArea(area: number, input: unknown, field: string): number {
  if (!Number.isFinite(area)) throw valueError(field, `无法识别的面积${quoteInput(input)}，${AREA_EXAMPLES}`);
  if (area < 0) throw valueError(field, `面积不能为负：${quoteInput(input)}`);
  if (area > MAX_AREA) throw valueError(field, `面积过大：${quoteInput(input)}（上限 ${MAX_AREA} 平方米）`);
  return area === 0 ? 0 : area;
}

const MONTHS_ONLY = /^([\d.]+)(?:个?月)?$/; // 36, 36月, 36个月
const YEARS_AND_MONTHS = /^([\d.]+)年(?:([\d.]+)个?月)?$/; // 3年, 1.5年, 3年6个月

/**
 * Parse a lease length in whole months. Bare numbers are months; "3年" is 36.
 * Missing ⇒ null; fractional months, negative or garbage ⇒ XsgError VALUE.
 */
export function parseMonths(value: unknown, field: string): number | null {
  const cell = typeof value === "number" ? value : unwrapCell(value);
  if (cell === BLANK) return null;
  if (typeof cell === "number") return checkedMonths(cell, value, field);
  if (typeof cell !== "string") throw valueError(field, `无法识别的租期${quoteInput(cell)}，${MONTH_EXAMPLES}`);

  const text = compact(cell).replace(/^\+/, "");
  if (/^[-\u2212]/.test(text) && /\d/.test(text)) throw valueError(field, `租期不能为负：${quoteInput(cell)}`);
  const unrecognised = () => valueError(field, `无法识别的租期${quoteInput(cell)}，${MONTH_EXAMPLES}`);
  let yearsText: string | undefined;
  let monthsText: string | undefined;
  const monthsOnly = MONTHS_ONLY.exec(text);
  const yearsAndMonths = monthsOnly ? null : YEARS_AND_MONTHS.exec(text);
  if (monthsOnly) monthsText = monthsOnly[1];
  else if (yearsAndMonths) [, yearsText, monthsText] = yearsAndMonths;
  else throw unrecognised();

  let total = 0;
  for (const [part, factor] of [
    [yearsText, 12],
    [monthsText, 1],
  ] as const) {
    if (part === undefined) continue;
    const decimal = decimalOf(part);
    if (decimal === null) throw unrecognised();
    total += wholeMonths(decimal, factor, cell, field);
  }
  return checkedMonths(total, cell, field);
}

/** decimal × factor as whole months, computed on the digits (no float), so 1.5年 is exactly 18. */
function wholeMonths(decimal: Decimal, factor: number, input: string, field: string): number {
  const scaled: Decimal = {
    digits: String(BigInt(decimal.digits || "0") * BigInt(factor)),
    exponent: decimal.exponent,
  };
  if (!isWholeAfterScaling(scaled, 0)) throw valueError(field, `租期须为整月：${quoteInput(input)}`);
  return scaleToInteger(scaled, 0);
}

function checkedMonths(months: number, input: unknown, field: string): number {
  if (!Number.isFinite(months)) throw valueError(field, `无法识别的租期${quoteInput(input)}，${MONTH_EXAMPLES}`);
  if (months < 0) throw valueError(field, `租期不能为负：${quoteInput(input)}`);
  if (!Number.isInteger(months)) throw valueError(field, `租期须为整月：${quoteInput(input)}`);
  if (months > MAX_MONTHS) throw valueError(field, `租期过长：${quoteInput(input)}（上限 ${MAX_MONTHS} 个月）`);
  return months === 0 ? 0 : months;
}
