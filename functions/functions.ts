// PLACEHOLDER — the custom-functions worker replaces this file.
/**
 * Placeholder.
 * @customfunction PLACEHOLDER
 * @returns Placeholder.
 */
export function placeholder(): number {
  return 0;
}
