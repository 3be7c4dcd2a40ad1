/**
 * Node's native zlib for the zip container: the command line's 100k-row saves are mostly compression,
 * done on a second thread while the sheet is written, as is the check of the rewritten sheet (background.ts).
 */
import * as zlib from "zlib";
import { crc32, wholeSink, FAST_LEVEL, type Codec } from "../../taskpane/file/xlsx/codec";
import { backgroundDeflater, checkXmlInBackground } from "./background";

const nativeCrc32 = (zlib as unknown as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

const bytesOf = (buffer: Buffer): Uint8Array => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
const inflate = (raw: Uint8Array, size: number) =>
  bytesOf(zlib.inflateRawSync(raw, { maxOutputLength: Math.max(size, 1) }));

export const nodeCodec: Codec = {
  // zlib.crc32 arrived in Node 20.15; older Node 20 uses the portable table. Over an empty chunk
  // whose ArrayBuffer is empty (TextEncoder's "") it returns 0 instead of `previous`: skip those.
  crc32: nativeCrc32
    ? (data, previous = 0) => (data.length === 0 ? previous >>> 0 : nativeCrc32(data, previous) >>> 0)
    : crc32,
  // The command line does not pause: a whole-buffer zlib call is the fastest.
  inflater: (size) => wholeSink((raw) => inflate(raw, size)),
  deflater: () => backgroundDeflater(FAST_LEVEL),
  checkXml: checkXmlInBackground,
};
