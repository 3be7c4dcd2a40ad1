/**
 * Fuzzing the file route (issue 12) with a fixed seed, so every run tries the same inputs: zips
 * with flipped bytes and cut short, workbooks whose XML parts are mutated (then zipped with right
 * CRCs, so the XML itself is attacked), and hostile CSVs. For every input `xsg fill` must:
 *   - finish (no hang, no crash) with exit code 0, 1 or 2 — never an unexpected internal error;
 *   - leave the input file unchanged and no temporary file behind;
 *   - write either nothing or a sound file: JSZip (CRC-checked) reads every entry, every part XSG
 *     wrote is well-formed XML with declared prefixes, and exceljs re-reads it whenever it could
 *     read the input.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { portableCodec } from "../../../taskpane/file/xlsx/codec";
import { entryData, readZip, writeZip } from "../../../taskpane/file/xlsx/zip";
import { decode, encode, handmade } from "../file/handmade-xlsx";
import { xmlProblem } from "../file/independent-check";
import { HEADER, tempDir, writeWorkbook, xsg } from "../cli/helpers";
import { LEDGER_HEADER, ledgerSheet } from "../cli/hostile";
import { mulberry32 } from "../../../examples/seeded-random";

const SEED = 20_261_203;

const random = mulberry32;

const rand = random(SEED);
const int = (n: number): number => Math.floor(rand() * n);
const pick = <T>(items: readonly T[]): T => items[int(items.length)];

const ROWS: (string | number | null)[][] = [
  ["甲公司", "杭州市萧山区", 2500, 2024],
  ["乙公司", "鹿城区", 3200, 2023],
  ["丙&amp;公司", "晋城", 1800, 2024],
  ["丁公司", null, 2600, null],
  ["合计", null, 10100, null],
];

/** The seed workbooks: plain, prefixed (.NET), with shared strings, styles, calcChain and a 1904 date system. */
function seedWorkbooks(): { name: string; bytes: Uint8Array }[] {
  const shared = `<sheetData><row r="1">${LEDGER_HEADER.map((_, i) => `<c r="${"ABCD"[i]}1" t="s" s="1"><v>${i}</v></c>`).join("")}</row>${ledgerSheet(ROWS).replace(/^<sheetData><row r="1">.*?<\/row>/, "")}`;
  return [
    { name: "plain", bytes: handmade({ sheet: ledgerSheet(ROWS), calcChain: true }) },
    {
      name: "shared",
      bytes: handmade({
        sheet: `${shared}<mergeCells count="1"><mergeCell ref="F1:G1"/></mergeCells>`,
        strings: LEDGER_HEADER.map((h) => `<si><t>${h}</t></si>`).join(""),
        cellXfs: ['<xf numFmtId="0"/>', '<xf numFmtId="14" applyNumberFormat="1"/>'],
        workbookBody:
          '<workbookPr date1904="1"/><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/>',
      }),
    },
    { name: "prefixed", bytes: handmade({ sheet: ledgerSheet(ROWS).replace(/<(\/?)(\w+)/g, "<$1x:$2"), prefix: "x" }) },
  ];
}

const TOKENS = [
  "<",
  ">",
  "&",
  '"',
  "</row>",
  "<row>",
  '<row r="3">',
  '<c r="A1">',
  "</c>",
  "<c>",
  "<v>",
  "</v>",
  "<is><t>",
  "</t>",
  "</is>",
  "<![CDATA[",
  "]]>",
  "&#x110000;",
  "&#0;",
  "&#xD800;",
  "&bogus;",
  "\u0000",
  "\uffff",
  "\ud800",
  ' r="XFD1048577"',
  ' r="A1048577"',
  ' r="0"',
  ' t="s"',
  ' t="d"',
  ' t="e"',
  ' t="inlineStr"',
  ' s="999"',
  "<v>1e308</v>",
  "<v>NaN</v>",
  "<v>99999999</v>",
  '<f t="shared" si="0" ref="A1:XFD1048576">A1</f>',
  '<f t="shared" si="0"/>',
  "<f>1/0</f>",
  "<sheetData>",
  "</sheetData>",
  "<sheetData/>",
  "<!--",
  "-->",
  "<?xml ?>",
  '<Relationship Id="rId1"',
  "/>",
  ' xmlns:r="x"',
  ' date1904="1"',
  ' fullCalcOnLoad="1"',
  "<calcPr/>",
  '<sheet name="数据" sheetId="1" r:id="rId1"/>',
  "<xf/>",
  '<numFmt numFmtId="14" formatCode="yyyy"/>',
  "<si><t>x</t></si>",
  "\u001b[2J",
  "\u202e",
];

function mutateText(text: string): string {
  let out = text;
  for (let n = 1 + int(3); n > 0; n--) {
    const at = int(out.length + 1);
    switch (int(6)) {
      case 0:
        out = out.slice(0, at) + out.slice(at + 1 + int(24));
        break;
      case 1:
      case 2:
        out = out.slice(0, at) + pick(TOKENS) + out.slice(at);
        break;
      case 3: {
        const from = int(out.length);
        const piece = out.slice(from, from + 1 + int(200));
        out = out.slice(0, at) + piece + out.slice(at);
        break;
      }
      case 4:
        out = out.replace(/\d+/, () => pick(["0", "-1", "1048577", "16385", "4294967296", "1e400", "00", "3.5"]));
        break;
      default:
        out = out.slice(0, at);
    }
  }
  return out;
}

const PARTS = [
  "xl/worksheets/sheet1.xml",
  "xl/worksheets/sheet1.xml",
  "xl/worksheets/sheet1.xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/sharedStrings.xml",
  "xl/styles.xml",
  "[Content_Types].xml",
  "_rels/.rels",
];

/** A workbook with one XML part mutated, zipped again with right CRCs. */
function xmlMutant(bytes: Uint8Array): { bytes: Uint8Array; what: string } {
  const entries = readZip(bytes);
  const names = entries.map((e) => e.name);
  const part = pick(PARTS.filter((p) => names.includes(p)));
  return {
    what: part,
    bytes: writeZip(
      entries.map((e) =>
        e.name === part ? { name: part, data: encode(mutateText(decode(entryData(e, portableCodec)))) } : { copy: e },
      ),
      portableCodec,
    ),
  };
}

function byteMutant(bytes: Uint8Array): { bytes: Uint8Array; what: string } {
  const out = bytes.slice();
  const kind = int(3);
  if (kind !== 1) for (let n = 1 + int(4); n > 0; n--) out[int(out.length)] ^= 1 << int(8);
  if (kind !== 0) return { bytes: out.subarray(0, int(out.length)), what: "bytes flipped and cut" };
  return { bytes: out, what: "bytes flipped" };
}

const CSV_PIECES = [
  "企业名称",
  "所属地区",
  "主营业务收入（万元）",
  "首次入库年份",
  "甲公司",
  "杭州市萧山区",
  "2500",
  "2024",
  "2,500",
  "-1",
  ",",
  ",",
  ",",
  "\t",
  ";",
  "\n",
  "\n",
  "\r\n",
  "\r",
  '"',
  '""',
  '"a,b"',
  "\u0000",
  "\u001b[31m",
  "\ufeff",
  "1e400",
  "0571",
  "913301060000000001",
  "合计",
  "=1+1",
  "\u00e9",
  "\ud83d\ude00",
  " ",
  "x".repeat(300),
];

function csvMutant(): { bytes: Uint8Array; what: string } {
  let text = `${LEDGER_HEADER.join(",")}\n`;
  for (let n = int(60); n > 0; n--) text += pick(CSV_PIECES);
  const encoding = int(4);
  if (encoding === 0) return { bytes: encode(`\ufeff${text}`), what: "csv utf-8 bom" };
  if (encoding === 1)
    return {
      bytes: new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])),
      what: "csv utf-16",
    };
  const bytes = encode(text);
  if (encoding === 2) for (let n = 1 + int(3); n > 0; n--) bytes[int(bytes.length)] = 0x80 + int(128);
  return { bytes, what: encoding === 2 ? "csv stray bytes" : "csv utf-8" };
}

interface Case {
  readonly id: string;
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

let dir: string;
const cases: Case[] = [];
let exceljsSeed: Uint8Array;

beforeAll(async () => {
  dir = tempDir();
  const file = path.join(dir, "seed-exceljs.xlsx");
  await writeWorkbook(file, { rows: [["甲公司", null, "杭州市萧山区", 2500, 1800, 2024, "个转企"]], header: HEADER });
  exceljsSeed = new Uint8Array(fs.readFileSync(file));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Built at collection time from the fixed seed (the exceljs seed is added in beforeAll, below).
const seeds = seedWorkbooks();
for (let i = 0; i < 150; i++) {
  const seed = seeds[i % seeds.length];
  const mutant = xmlMutant(seed.bytes);
  cases.push({ id: `${seed.name} ${mutant.what} #${i}`, fileName: `m${i}.xlsx`, bytes: mutant.bytes });
}
for (let i = 0; i < 40; i++) {
  const seed = seeds[i % seeds.length];
  const mutant = byteMutant(seed.bytes);
  cases.push({ id: `${seed.name} ${mutant.what} #${i}`, fileName: `b${i}.xlsx`, bytes: mutant.bytes });
}
for (let i = 0; i < 70; i++) {
  const mutant = csvMutant();
  cases.push({ id: `${mutant.what} #${i}`, fileName: `c${i}.csv`, bytes: mutant.bytes });
}
const exceljsCases = Array.from({ length: 30 }, (_, i) => ({ id: `exceljs mutant #${i}`, index: i }));

async function exceljsReads(bytes: Uint8Array): Promise<boolean> {
  try {
    await new ExcelJS.Workbook().xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    return true;
  } catch {
    return false;
  }
}

/** Every promise of the file route on one input. */
async function check(fileName: string, bytes: Uint8Array): Promise<void> {
  const input = path.join(dir, fileName);
  fs.writeFileSync(input, bytes);
  const output = path.join(dir, `${fileName}.out.xlsx`);
  const run = await xsg(["fill", fileName, "-o", output, "--year", "2024"], dir);
  expect([0, 1, 2]).toContain(run.code);
  expect(run.stderr).not.toMatch(/内部错误|意外错误|internal error/i);
  expect(new Uint8Array(fs.readFileSync(input))).toEqual(bytes);
  expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  if (!fs.existsSync(output)) {
    expect(run.code).toBe(2);
    return;
  }
  expect(run.code).not.toBe(2);
  const written = new Uint8Array(fs.readFileSync(output));
  fs.rmSync(output);
  const zip = await JSZip.loadAsync(written, { checkCRC32: true });
  const before = bytes[0] === 0x50 ? await JSZip.loadAsync(bytes).catch(() => null) : null;
  for (const name of Object.keys(zip.files)) {
    const data = await zip.files[name].async("uint8array");
    const original = before?.files[name] ? await before.files[name].async("uint8array").catch(() => null) : null;
    if (original && Buffer.from(original).equals(Buffer.from(data))) continue; // copied as it was
    if (!/\.(xml|rels)$/.test(name)) continue;
    const text = new TextDecoder("utf-8", { fatal: true }).decode(data);
    const problem = xmlProblem(text);
    expect({ name, problem }).toEqual({ name, problem: null });
  }
  if (bytes[0] !== 0x50 || (await exceljsReads(bytes))) expect(await exceljsReads(written)).toBe(true);
}

jest.setTimeout(20_000);

test.each(cases.map((c) => [c.id, c] as const))("%s", async (_, c) => {
  await check(c.fileName, c.bytes);
});

test.each(exceljsCases.map((c) => [c.id, c] as const))("%s", async (_, c) => {
  const mutantRand = random(SEED + c.index);
  // The exceljs seed exists only after beforeAll: mutate it with a per-case generator, still fixed.
  const entries = readZip(exceljsSeed);
  const xmlParts = entries.filter((e) => /\.(xml|rels)$/.test(e.name));
  const part = xmlParts[Math.floor(mutantRand() * xmlParts.length)];
  const text = decode(entryData(part, portableCodec));
  const at = Math.floor(mutantRand() * text.length);
  const mutated = text.slice(0, at) + TOKENS[Math.floor(mutantRand() * TOKENS.length)] + text.slice(at);
  const bytes = writeZip(
    entries.map((e) => (e === part ? { name: e.name, data: encode(mutated) } : { copy: e })),
    portableCodec,
  );
  await check(`x${c.index}.xlsx`, bytes);
});
