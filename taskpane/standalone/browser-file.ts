/**
 * The offline page's file I/O, all local: FileReader in, a Blob download out. Nothing is sent
 * anywhere; the workbook never leaves the browser.
 */
import type { SettingsStore } from "../file/xlsx-fill-host";

/** The bytes of a chosen or dropped file (FileReader: works from file:// and in every browser the page supports). */
export function readFileBytes(file: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error("FileReader failed"));
    reader.readAsArrayBuffer(file);
  });
}

export { filledFileName } from "../file/open";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const XLSM_MIME = "application/vnd.ms-excel.sheet.macroEnabled.12";

/** Hand the workbook's bytes to the browser as a download. */
export function downloadBytes(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(
    new Blob([bytes as BlobPart], { type: /\.xlsm$/i.test(fileName) ? XLSM_MIME : XLSX_MIME }),
  );
  try {
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.rel = "noopener";
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // Revoke later: some browsers start reading the blob only after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

/**
 * Per-workbook memory for the column mapping (the add-in keeps it in the document's settings;
 * a file opened here has none): localStorage, keyed by file name. Falls back to memory when
 * storage is unavailable (private windows, some file:// setups).
 */
export function localSettings(fileName: string, storage: Storage | null = safeLocalStorage()): SettingsStore {
  const memory = new Map<string, unknown>();
  const keyOf = (key: string): string => `xsg.standalone:${fileName}:${key}`;
  return {
    get(key) {
      if (memory.has(key)) return memory.get(key);
      try {
        const text = storage?.getItem(keyOf(key));
        return text ? (JSON.parse(text) as unknown) : null;
      } catch {
        return null;
      }
    },
    set(key, value) {
      memory.set(key, value);
      try {
        storage?.setItem(keyOf(key), JSON.stringify(value));
      } catch {
        // Quota or a disabled storage: the mapping is still remembered for this visit.
      }
    },
  };
}

function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}
