/** Node's native zlib for the zip container: the command line's 100k-row saves are mostly compression. */
import * as zlib from "zlib";
import { crc32, type Codec } from "../../taskpane/file/xlsx/codec";

const nativeCrc32 = (zlib as unknown as { crc32?: (data: Uint8Array) => number }).crc32;

export const nodeCodec: Codec = {
  inflate: (raw, size) => {
    const out = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(size, 1) });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  },
  deflate: (data) => {
    const out = zlib.deflateRawSync(data, { level: 1 });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  },
  // zlib.crc32 arrived in Node 20.15; older Node 20 uses the portable table.
  crc32: nativeCrc32 ? (data) => nativeCrc32(data) >>> 0 : crc32,
};
