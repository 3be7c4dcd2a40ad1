/**
 * Deflate, inflate and CRC-32 for the zip container. The default is fflate (pure JavaScript,
 * works in the offline page and in Node); the command line passes Node's native zlib, which
 * is several times faster on a 100k-row sheet.
 */
import { deflateSync, inflateSync } from "fflate";

export interface Codec {
  inflate(raw: Uint8Array, size: number): Uint8Array;
  deflate(data: Uint8Array): Uint8Array;
  crc32(data: Uint8Array): number;
}

const CRC_TABLE = ((): Int32Array => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let crc = -1;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/** Level 1: on a big sheet the compression is most of the save; files grow ~15 %, nothing else changes. */
const FAST_LEVEL = 1;

export const portableCodec: Codec = {
  inflate: (raw, size) => inflateSync(raw, { out: new Uint8Array(size) }),
  deflate: (data) => deflateSync(data, { level: FAST_LEVEL }),
  crc32,
};
