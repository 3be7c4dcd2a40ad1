/**
 * Error cells as WPS 表格 (ET) and VBA-style object models hand them over through Value2: a CVErr
 * number, 0x800A0000 + the xlErr code of XlCVError (#DIV/0! and #NAME? measured on WPS
 * 12.1.0.28043 by a third party; the others follow the same pattern). Shared by the WPS custom
 * functions (error cells as arguments) and the ET fill host (error cells in a sheet).
 */
export const CV_ERRORS: Readonly<Record<number, string>> = {
  [-2146826288]: "#NULL!",
  [-2146826281]: "#DIV/0!",
  [-2146826273]: "#VALUE!",
  [-2146826265]: "#REF!",
  [-2146826259]: "#NAME?",
  [-2146826252]: "#NUM!",
  [-2146826246]: "#N/A",
};

/** The CVErr number of an error literal ("#N/A" → -2146826246), undefined for other text. */
export function cvErrorOf(text: string): number | undefined {
  const upper = text.trim().toUpperCase();
  for (const [code, shown] of Object.entries(CV_ERRORS)) if (shown === upper) return Number(code);
  return undefined;
}
