/**
 * Money inputs (R1). A money argument arrives as a number (万元 unless the caller
 * says otherwise) or as text with or without a unit; it becomes integer 分 (Fen)
 * read from its decimal digits, so no binary float is ever multiplied.
 *
 * Rounding: an amount finer than 1 分 (e.g. 0.0000005 万元) is rounded half up to
 * the 分 — R1 rounds results half up, and an input a thousandth of a yuan off
 * cannot change any award.
 */
import { valueError } from "../errors";
import type { Fen } from "../model";
import { decimalOf, scaleToInteger, type Decimal } from "./decimal";
import { BLANK, compact, foldWidth, hasSplitDigits, quoteInput, stripThousands, unwrapCell, WHITESPACE } from "./text";

/** The unit a bare number is read in; the fill engine passes the unit a column header states. */
export type MoneyUnit = "元" | "千元" | "万元" | "十万元" | "百万元" | "千万元" | "亿元";

/** 1 unit = 10^power 分. */
export const MONEY_UNIT_POWER: Readonly<Record<MoneyUnit, number>> = {
  元: 2,
  千元: 5,
  万元: 6,
  十万元: 7,
  百万元: 8,
  千万元: 9,
  亿元: 10,
};

/** Unit words accepted after a number (keys lower-cased). "w" is the common shorthand for 万. */
const UNIT_WORDS: Readonly<Record<string, MoneyUnit>> = {
  元: "元",
  块: "元",
  千: "千元",
  千元: "千元",
  万: "万元",
  万元: "万元",
  w: "万元",
  十万: "十万元",
  十万元: "十万元",
  百万: "百万元",
  百万元: "百万元",
  千万: "千万元",
  千万元: "千万元",
  亿: "亿元",
  亿元: "亿元",
};

/** The unit a text such as "万元" or "（元）" names, or null; for headers like "营业收入（万元）". */
export function moneyUnitOf(text: string): MoneyUnit | null {
  const word = compact(text)
    .replace(/^[(（[【]+|[)）\]】]+$/g, "")
    .toLowerCase();
  return Object.prototype.hasOwnProperty.call(UNIT_WORDS, word) ? UNIT_WORDS[word] : null;
}

/** 1 亿万元 (10^14 分): no real revenue is larger, and 分 × a whole-percent rate numerator (≤ 90) stays below 2^53. */
export const MAX_FEN: Fen = 100_000_000 * 1_000_000;

const UNIT_SCALE: Readonly<Record<MoneyUnit, number>> = Object.fromEntries(
  Object.entries(MONEY_UNIT_POWER).map(([unit, power]) => [unit, 10 ** power]),
) as Record<MoneyUnit, number>;

const EXAMPLES = "请填写数字（万元）或带单位的金额，如 2500、2500万元、0.25亿、25000000元";

/** Currency marks say "money", not which unit: "¥2500" could be 元 or 万元, so a unit must follow. */
const CURRENCY_PREFIX = /^(?:¥|￥|rmb|cny|人民币)/i;
const SIGN = /^[-+\u2212]/;
const NUMBER_THEN_UNIT = /^([\d.,]+(?:e[-+]?\d+)?)(.*)$/i;

/**
 * Parse one money input into integer 分.
 * - null, undefined, blank text, [[null]], [[""]] ⇒ null (missing: the caller decides).
 * - a number ⇒ read in `bareUnit` (default 万元); text with a unit ⇒ that unit.
 * - anything else, a negative amount, or more than 1 亿万元 ⇒ XsgError VALUE naming `field`.
 */
export function parseMoney(value: unknown, field: string, bareUnit: MoneyUnit = "万元"): Fen | null {
  // Hot path: a custom function gets a plain number per cell.
  if (typeof value === "number") return fenOfNumber(value, field, bareUnit);
  if (typeof value === "string") return fenOfText(value, field, bareUnit);
  const cell = unwrapCell(value);
  if (cell === BLANK) return null;
  if (typeof cell === "number") return fenOfNumber(cell, field, bareUnit);
  if (typeof cell === "string") return fenOfText(cell, field, bareUnit);
  if (Array.isArray(cell)) throw valueError(field, `金额只能是一个单元格，收到${quoteInput(cell)}`);
  throw valueError(field, `无法识别的金额${quoteInput(cell)}，${EXAMPLES}`);
}

function fenOfNumber(n: number, field: string, bareUnit: MoneyUnit): Fen {
  const scale = UNIT_SCALE[bareUnit];
  // Integers times a power of ten stay exact while the product is below 2^53.
  if (Number.isInteger(n) && n >= 0 && n * scale <= MAX_FEN) return n * scale + 0; // + 0 turns −0 into 0
  // A decimal typed in a cell (2345.67): when round(n × scale) / scale gives n back, that integer is exactly
  // what reading String(n) digit by digit gives — the double's rounding interval is narrower than 10^-power,
  // so no other decimal with ≤ power digits maps to n. Otherwise (more digits) the exact path below decides.
  if (n > 0 && n * scale <= MAX_FEN) {
    const fen = Math.round(n * scale);
    if (fen / scale === n) return fen;
  }
  if (!Number.isFinite(n)) throw valueError(field, `无法识别的金额${quoteInput(n)}，${EXAMPLES}`);
  if (n < 0) throw valueError(field, `金额不能为负：${quoteInput(n)}`);
  return checkedFen(scaledFen(String(n), MONEY_UNIT_POWER[bareUnit]), n, field);
}

function scaledFen(decimalText: string, power: number): number {
  const decimal = decimalOf(decimalText);
  return decimal === null ? Number.NaN : scaleToInteger(decimal, power);
}

function checkedFen(fen: number, input: unknown, field: string): Fen {
  if (fen > MAX_FEN) throw valueError(field, `金额过大：${quoteInput(input)}（上限 1 亿万元）`);
  return fen;
}

/**
 * "2500", "2345.67万元", "0.25亿": ASCII digits, at most one point, then a unit word or nothing —
 * what most cells hold. Read straight from its digits; anything else takes the full path below,
 * which gives the same 分 for these texts (test/unit/parse/money.test.ts compares the two).
 */
const PLAIN_AMOUNT = /^(\d+)(?:\.(\d+))?([^\d.,\s]*)$/;

function fenOfText(raw: string, field: string, bareUnit: MoneyUnit): Fen | null {
  const plain = PLAIN_AMOUNT.exec(raw);
  if (plain !== null) {
    const word = plain[3];
    const unit = word === "" ? bareUnit : UNIT_WORDS[word];
    if (unit !== undefined && Object.prototype.hasOwnProperty.call(UNIT_WORDS, word || "元")) {
      return checkedFen(scaleToInteger(plainDecimal(plain[1], plain[2] ?? ""), MONEY_UNIT_POWER[unit]), raw, field);
    }
  }
  return fenOfAnyText(raw, field, bareUnit);
}

/** The Decimal decimalOf() gives for whole + "." + fraction (both ASCII digits), without its regular expressions. */
function plainDecimal(whole: string, fraction: string): Decimal {
  const all = whole + fraction;
  let start = 0;
  while (start < all.length && all.charCodeAt(start) === 48 /* 0 */) start++;
  let end = all.length;
  while (end > start && all.charCodeAt(end - 1) === 48) end--;
  if (start === end) return { digits: "", exponent: 0 };
  return { digits: all.slice(start, end), exponent: all.length - end - fraction.length };
}

function fenOfAnyText(raw: string, field: string, bareUnit: MoneyUnit): Fen | null {
  const unrecognised = () => valueError(field, `无法识别的金额${quoteInput(raw)}，${EXAMPLES}`);
  const folded = foldWidth(raw);
  if (hasSplitDigits(folded)) throw unrecognised(); // "25 00": two numbers or a typo, not 2500
  let text = folded.replace(WHITESPACE, "");
  if (text === "") return null;

  let negative = false;
  const accounting = /^\((.*)\)$/.exec(text); // (2,500) is how ledgers print −2,500
  if (accounting) {
    negative = true;
    text = accounting[1];
  }
  const currency = CURRENCY_PREFIX.exec(text);
  if (currency) text = text.slice(currency[0].length);
  if (SIGN.test(text)) {
    negative = negative || text[0] !== "+";
    text = text.slice(1);
  }
  if (!currency && CURRENCY_PREFIX.test(text)) text = text.replace(CURRENCY_PREFIX, ""); // "-¥5万"

  const match = NUMBER_THEN_UNIT.exec(text);
  if (!match) throw unrecognised();
  const numberText = stripThousands(match[1]);
  const unitWord = match[2].replace(/^\((.*)\)$/, "$1").toLowerCase(); // "2500(万元)"
  const decimal = numberText === null ? null : decimalOf(numberText);
  if (decimal === null) throw unrecognised();

  let unit = bareUnit;
  if (unitWord !== "") {
    if (!Object.prototype.hasOwnProperty.call(UNIT_WORDS, unitWord)) throw unrecognised();
    unit = UNIT_WORDS[unitWord];
  } else if (currency) {
    throw valueError(field, `金额${quoteInput(raw)}带货币符号但没有单位，请写明单位，如 2500万元 或 25000000元`);
  }

  const fen = scaleToInteger(decimal, MONEY_UNIT_POWER[unit]);
  if (negative && fen !== 0) throw valueError(field, `金额不能为负：${quoteInput(raw)}`);
  return checkedFen(fen, raw, field);
}
