/**
 * Deflate, inflate and CRC-32 for the zip container. The default is fflate (pure JavaScript,
 * works in the offline page and in Node) and works in pieces, so the page can pause between
 * them; the command line passes Node's native zlib, several times faster on a 100k-row sheet.
 */
import { Deflate, Inflate } from "fflate";

/** Bytes in, pieces at a time; the whole result at the end. */
export interface ByteSink {
  /** Takes the chunk: the caller does not use it afterwards (a codec may hand it to another thread). */
  push(chunk: Uint8Array): void;
  finish(): Uint8Array;
}

export interface Codec {
  /** CRC-32, continued from `previous` (crc32(b, crc32(a)) is the CRC of a then b). */
  crc32(data: Uint8Array, previous?: number): number;
  /** Inflate pushed compressed chunks into `size` bytes. */
  inflater(size: number): ByteSink;
  /** Deflate pushed chunks. */
  deflater(): ByteSink;
  /**
   * Start the well-formedness check (xmlProblem) of a part's XML, `xml`, decoded from the UTF-8
   * bytes `utf8`, which the codec may keep (the caller is done with them) — the command line checks
   * them on another thread while the sheet is indexed and filled. The function returned gives the
   * answer. Absent: checked in place when asked.
   */
  checkXml?(xml: string, utf8: Uint8Array): () => string | null;
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

export function crc32(data: Uint8Array, previous = 0): number {
  let crc = previous ^ -1;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

export function concatBytes(
  chunks: readonly Uint8Array[],
  total = chunks.reduce((n, c) => n + c.length, 0),
): Uint8Array {
  if (chunks.length === 1 && chunks[0].length === total) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Level 1: on a big sheet the compression is most of the save; files grow ~15 %, nothing else changes. */
export const FAST_LEVEL = 1;

export const portableCodec: Codec = {
  crc32,
  inflater(size) {
    const out = new Uint8Array(size);
    let at = 0;
    const stream = new Inflate((chunk) => {
      if (at + chunk.length > size) throw new Error("解压后的长度与目录不符");
      out.set(chunk, at);
      at += chunk.length;
    });
    return {
      push: (chunk) => stream.push(chunk),
      finish: () => {
        stream.push(new Uint8Array(0), true);
        return at === size ? out : out.subarray(0, at);
      },
    };
  },
  deflater() {
    const chunks: Uint8Array[] = [];
    const stream = new Deflate({ level: FAST_LEVEL }, (chunk) => chunks.push(chunk));
    return {
      push: (chunk) => stream.push(chunk),
      finish: () => {
        stream.push(new Uint8Array(0), true);
        return concatBytes(chunks);
      },
    };
  },
};

/** A sink that keeps the pushed bytes and transforms them whole at the end (codecs without streams). */
export function wholeSink(transform: (data: Uint8Array) => Uint8Array): ByteSink {
  const chunks: Uint8Array[] = [];
  return { push: (chunk) => void chunks.push(chunk), finish: () => transform(concatBytes(chunks)) };
}
