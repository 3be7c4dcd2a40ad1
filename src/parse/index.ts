/** The parsers every host shares (money R1, year R3, tags R7, area/months R9, USCC R15). */
export { parseMoney, moneyUnitOf, MONEY_UNIT_POWER, MAX_FEN, type MoneyUnit } from "./money";
export { parseYear, MIN_YEAR, MAX_YEAR } from "./year";
export {
  excelSerialOfTime,
  excelSerialToDate,
  excelSerialYear,
  MAX_EXCEL_SERIAL,
  type CalendarDate,
} from "./excelDate";
export {
  parseTags,
  tagsOf,
  tagBit,
  hasTag,
  knownTags,
  knownTagsText,
  closeTags,
  normaliseTag,
  allTagsMask,
  defineTags,
  tagsImpliedBy,
  MAX_TAGS,
} from "./tags";
export { parseArea, parseMonths, MAX_AREA, MAX_MONTHS } from "./quantity";
export {
  checkUscc,
  isUsccChecksumValid,
  makeUscc,
  normaliseUscc,
  USCC_ALPHABET,
  USCC_WEIGHTS,
  type UsccCheck,
} from "./uscc";
export { foldWidth, quoteInput } from "./text";
