/** One cell's XML as the fill writes it: numbers, booleans, errors, formulas, inline strings. */
import type { CellContent } from "../../../src/fill/types";
import { escapeXmlText } from "./xml";

/** A cell's XML (elements in the sheet's own namespace prefix); "" for an empty unstyled cell. */
export function cellXml(p: string, ref: string, style: string | null, content: CellContent): string {
  const open = `<${p}c r="${ref}"${style !== null && style !== "0" ? ` s="${style}"` : ""}`;
  const close = `</${p}c>`;
  const v = (text: string) => `<${p}v>${text}</${p}v>`;
  if (content === null || content === "" || (typeof content === "number" && !Number.isFinite(content)))
    return open.includes(" s=") ? `${open}/>` : "";
  if (typeof content === "number") return `${open}>${v(String(content))}${close}`;
  if (typeof content === "boolean") return `${open} t="b">${v(content ? "1" : "0")}${close}`;
  if (typeof content === "string")
    return `${open} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeXmlText(content)}</${p}t></${p}is>${close}`;
  if ("formula" in content) return `${open}><${p}f>${escapeXmlText(content.formula.replace(/^=/, ""))}</${p}f>${close}`;
  return `${open} t="e">${v(escapeXmlText(content.error))}${close}`;
}
