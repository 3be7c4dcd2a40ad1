/**
 * Translating exact cell contents to and from what the Excel JS API reads and writes.
 * Excel parses a written string as if it were typed ("0123" → 123, "TRUE" → boolean,
 * "-x" → a formula), so a text constant that would be re-read differently gets Excel's
 * quote prefix ('…): undo must put back text as text.
 */
import type { CellContent } from "../../src/fill/types";

const ERROR_LITERAL =
  /^#(?:N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|BUSY!|FIELD!|CONNECT!|BLOCKED!|UNKNOWN!)$/i;
/** Numbers as Excel reads them when typed: signs, grouping, decimals, exponents, percent, currency, blanks around. */
const NUMBER_LIKE = /^\s*[-+(]?\s*[¥￥$€£]?\s*[\d.,\s]*\d[\d.,\s]*(?:e[-+]?\d+)?\s*%?\s*\)?\s*$/i;
/** Dates, times and fractions Excel turns into numbers (2024-03-01, 3/1, 2024年3月1日, 1月3日, 10:30). */
const DATE_LIKE =
  /^\s*(?:\d{1,4}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,4}\s*日?)?|\d{1,2}\s*月\s*\d{1,2}\s*日?|\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]m)?)\s*$/i;

/** Whether Excel would store this typed text as something other than the same text. */
export function needsQuotePrefix(text: string): boolean {
  if (text === "") return false;
  // Text opening with a CJK ideograph (说明, 依据, a name) can match none of the patterns below,
  // which all start with white space, a sign, a digit, a currency sign, "#", "t"/"f" or a quote.
  const code = text.charCodeAt(0);
  if (code >= 0x4e00 && code <= 0x9fff) return false;
  const first = text[0];
  if (first === "'" || first === "=" || first === "+" || first === "-" || first === "@") return true;
  if (ERROR_LITERAL.test(text.trim())) return true;
  if (/^\s*(?:true|false)\s*$/i.test(text)) return true;
  return NUMBER_LIKE.test(text) || DATE_LIKE.test(text);
}

/** What to put in `range.formulas` so the cell ends up holding exactly `content`. */
export function toExcelInput(content: CellContent): string | number | boolean {
  if (content === null) return ""; // "" clears a cell; null would leave it unchanged
  if (typeof content === "number") return Number.isFinite(content) ? content : "";
  if (typeof content === "boolean") return content;
  if (typeof content === "string") return needsQuotePrefix(content) ? `'${content}` : content;
  if ("formula" in content) return content.formula.startsWith("=") ? content.formula : `=${content.formula}`;
  return content.error;
}

/** Exact content of a cell from its `formulas` entry and `valueTypes` entry. */
export function fromExcelCell(formula: unknown, valueType: string | undefined): CellContent {
  if (valueType === "Empty" || formula === "" || formula === null || formula === undefined) return null;
  if (typeof formula === "string") {
    if (formula.startsWith("=")) return { formula };
    if (valueType === "Error") return { error: formula };
    return formula;
  }
  if (typeof formula === "number" || typeof formula === "boolean") return formula;
  return String(formula);
}
