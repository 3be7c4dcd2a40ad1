/**
 * The zip container of an .xlsx, read and written without touching the parts the fill leaves
 * alone: their compressed bytes are copied as they are (same CRC, same compression), so a
 * chart, a pivot cache or an image the official made comes back byte for byte, and a 100k-row
 * save only compresses the one sheet that changed.
 *
 * Covers what Office, WPS, LibreOffice and the usual libraries write: stored and deflated
 * entries, data descriptors, UTF-8 names. Zip64 and encryption are refused with a reason.
 */
import type { Codec } from "./codec";
import { FileLimitError, MAX_PART_BYTES, megabytes } from "./limits";
import { finish, type Steps } from "./steps";

export interface ZipEntry {
  readonly name: string;
  /** 0 = stored, 8 = deflated. */
  readonly method: number;
  readonly crc: number;
  readonly size: number;
  /** The entry's data exactly as stored in the file. */
  readonly raw: Uint8Array;
  /** DOS time and date of the entry. */
  readonly time: number;
  readonly date: number;
}

/** A part to write: copied from the source zip, or new bytes to compress. */
export type ZipPart =
  { readonly copy: ZipEntry } | { readonly name: string; readonly data: Uint8Array; readonly stored?: boolean };

export class ZipFormatError extends Error {
  override readonly name = "ZipFormatError";
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN_SIZE = 22;
const MAX_COMMENT = 0xffff;
const FLAG_ENCRYPTED = 0x1;
const FLAG_UTF8 = 0x800;

const utf8 = new TextDecoder("utf-8");

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - EOCD_MIN_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at--) if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  throw new ZipFormatError("找不到 zip 目录（文件不完整或不是 .xlsx）");
}

/** The entries of a zip, in the order of its central directory. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  const count = view.getUint16(eocd + 10, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new ZipFormatError("不支持 Zip64 格式的文件");
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE)
      throw new ZipFormatError("zip 目录已损坏");
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const time = view.getUint16(at + 12, true);
    const date = view.getUint16(at + 14, true);
    const crc = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    // Part names are ASCII in practice; read as UTF-8 whether or not flag 11 says so.
    const name = utf8.decode(nameBytes);
    if (flags & FLAG_ENCRYPTED) throw new ZipFormatError(`“${name}”已加密`);
    if (method !== 0 && method !== 8) throw new ZipFormatError(`“${name}”使用了不支持的压缩方式 ${method}`);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff)
      throw new ZipFormatError("不支持 Zip64 格式的文件");
    if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== LOCAL_SIGNATURE)
      throw new ZipFormatError(`“${name}”的数据已损坏`);
    const dataStart =
      localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (dataStart + compressedSize > bytes.length) throw new ZipFormatError(`“${name}”的数据不完整`);
    // Two entries of one name: readers disagree on which counts, so the file cannot be trusted.
    if (names.has(name)) throw new ZipFormatError(`zip 中有两个同名的部件“${name}”（文件已损坏或被改动过）`);
    names.add(name);
    entries.push({ name, method, crc, size, raw: bytes.subarray(dataStart, dataStart + compressedSize), time, date });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Compressed bytes are fed (and checked) a megabyte at a time, so the page can pause between pieces. */
const PIECE_BYTES = 1 << 20;

/**
 * A zip bomb is refused from the size the directory declares, before anything is inflated; the
 * codecs then stop at that declared size while inflating, so a lying directory costs no more.
 */
export function checkDeclaredSize(entry: ZipEntry): void {
  if (entry.size > MAX_PART_BYTES)
    throw new FileLimitError(
      `“${entry.name}”解压后有 ${megabytes(entry.size)}，超过可处理的上限 ${megabytes(MAX_PART_BYTES)}（文件异常，或工作表过大：请拆分后再填充）`,
    );
}

/** The uncompressed bytes of an entry, checked against its CRC; yields progress 0–1. */
export function* entryDataSteps(entry: ZipEntry, codec: Codec): Steps<Uint8Array> {
  checkDeclaredSize(entry);
  let data: Uint8Array;
  try {
    if (entry.method === 0) data = entry.raw;
    else {
      const sink = codec.inflater(entry.size);
      for (let at = 0; at < entry.raw.length; at += PIECE_BYTES) {
        sink.push(entry.raw.subarray(at, at + PIECE_BYTES));
        yield 0.8 * Math.min(1, (at + PIECE_BYTES) / entry.raw.length);
      }
      data = sink.finish();
    }
  } catch {
    // The codec's own message is English and internal: the official needs to know the part is damaged.
    throw new ZipFormatError(`“${entry.name}”的数据已损坏，无法解压`);
  }
  let crc = 0;
  for (let at = 0; at < data.length; at += 4 * PIECE_BYTES) {
    crc = codec.crc32(data.subarray(at, at + 4 * PIECE_BYTES), crc);
    yield 0.8 + (0.2 * at) / Math.max(data.length, 1);
  }
  if (data.length !== entry.size || crc !== entry.crc)
    throw new ZipFormatError(`“${entry.name}”的数据校验失败（文件已损坏）`);
  return data;
}

export function entryData(entry: ZipEntry, codec: Codec): Uint8Array {
  return finish(entryDataSteps(entry, codec));
}

/** An entry for bytes compressed elsewhere (a part deflated piece by piece as it was written). */
export function compressedEntry(name: string, raw: Uint8Array, crc: number, size: number, now = new Date()): ZipEntry {
  return { name, method: 8, crc, size, raw, ...dosDateTime(now) };
}

/** MS-DOS time and date of a moment (local time, as zip tools show it). */
function dosDateTime(moment: Date): { time: number; date: number } {
  const year = Math.max(1980, moment.getFullYear());
  return {
    time: (moment.getHours() << 11) | (moment.getMinutes() << 5) | (moment.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((moment.getMonth() + 1) << 5) | moment.getDate(),
  };
}

/** Write a zip of `parts` (in that order). New parts are deflated; copied ones keep their bytes. */
export function writeZip(parts: readonly ZipPart[], codec: Codec, now = new Date()): Uint8Array {
  const stamp = dosDateTime(now);
  const encoder = new TextEncoder();
  const entries = parts.map((part) => {
    if ("copy" in part) return { ...part.copy, nameBytes: encoder.encode(part.copy.name) };
    // CRC and size first: a deflater takes the bytes it is given.
    const crc = codec.crc32(part.data);
    const size = part.data.length;
    let raw = part.data;
    if (!part.stored) {
      const sink = codec.deflater();
      sink.push(part.data);
      raw = sink.finish();
    }
    return {
      name: part.name,
      nameBytes: encoder.encode(part.name),
      method: part.stored ? 0 : 8,
      crc,
      size,
      raw,
      ...stamp,
    };
  });
  let total = EOCD_MIN_SIZE;
  for (const e of entries) total += 30 + e.nameBytes.length + e.raw.length + 46 + e.nameBytes.length;
  if (total > 0xffffffff) throw new ZipFormatError("文件超过 4 GB，无法保存");
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  const header = (signature: number, e: (typeof entries)[number], central: boolean): void => {
    view.setUint32(at, signature, true);
    let p = at + 4;
    if (central) {
      view.setUint16(p, 20, true); // version made by: 2.0
      p += 2;
    }
    view.setUint16(p, 20, true); // version needed: 2.0 (deflate)
    view.setUint16(p + 2, FLAG_UTF8, true);
    view.setUint16(p + 4, e.method, true);
    view.setUint16(p + 6, e.time, true);
    view.setUint16(p + 8, e.date, true);
    view.setUint32(p + 10, e.crc, true);
    view.setUint32(p + 14, e.raw.length, true);
    view.setUint32(p + 18, e.size, true);
    view.setUint16(p + 22, e.nameBytes.length, true);
    view.setUint16(p + 24, 0, true); // extra length
    at = p + 26;
  };
  for (const e of entries) {
    offsets.push(at);
    header(LOCAL_SIGNATURE, e, false);
    out.set(e.nameBytes, at);
    at += e.nameBytes.length;
    out.set(e.raw, at);
    at += e.raw.length;
  }
  const directoryStart = at;
  entries.forEach((e, i) => {
    header(CENTRAL_SIGNATURE, e, true);
    // comment length, disk number, internal and external attributes, local header offset
    view.setUint16(at, 0, true);
    view.setUint16(at + 2, 0, true);
    view.setUint16(at + 4, 0, true);
    view.setUint32(at + 6, 0, true);
    view.setUint32(at + 10, offsets[i], true);
    at += 14;
    out.set(e.nameBytes, at);
    at += e.nameBytes.length;
  });
  view.setUint32(at, EOCD_SIGNATURE, true);
  view.setUint16(at + 4, 0, true);
  view.setUint16(at + 6, 0, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - directoryStart, true);
  view.setUint32(at + 16, directoryStart, true);
  view.setUint16(at + 20, 0, true);
  return out;
}
