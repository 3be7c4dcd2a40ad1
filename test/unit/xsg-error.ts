import { XsgError } from "../../src/errors";

/** Run fn and return the XsgError it throws (failing the test if it returns or throws anything else). */
export function errorOf(fn: () => unknown): XsgError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(XsgError);
  return caught as XsgError;
}
