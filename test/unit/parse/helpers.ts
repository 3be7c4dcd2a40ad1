import { XsgError } from "../../../src/errors";
import { errorOf } from "../xsg-error";

/** Run fn, expect an XsgError VALUE naming `field` whose detail quotes `quoted`; return it for more checks. */
export function expectValueError(fn: () => unknown, field: string, quoted?: string): XsgError {
  const error = errorOf(fn);
  expect(error.code).toBe("VALUE");
  expect(error.field).toBe(field);
  expect(error.message).toContain(field);
  if (quoted !== undefined) expect(error.detail).toContain(`“${quoted}”`);
  return error;
}

/** Run fn on an arbitrary input: it may return, or throw an XsgError, nothing else. */
export function onlyXsgErrors(fn: () => unknown): void {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof XsgError)) throw error;
  }
}
