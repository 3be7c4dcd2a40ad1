/**
 * How quotes relate to the source copies in docs/sources/: the copies keep the text as
 * extracted from the published documents (line breaks and page furniture included); a
 * quote is that text with the line breaks (and the blanks around them) removed.
 */
export function normalizeSourceText(text: string): string {
  return text.replace(/[ \t\u3000]*\r?\n[ \t\u3000\r\n]*/g, "");
}
