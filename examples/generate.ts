/**
 * The sample workbook (examples/sample.xlsx): fictitious enterprises over the five policy regions,
 * with the mess real sheets have — a title and a note above the header, region cells written five
 * different ways, revenue as numbers, "2,350", "2350万元", text, blanks and #N/A, upgrade years as
 * numbers, "2024年" and date cells, duplicated and mistyped credit codes, an unknown tag.
 *
 * Deterministic: one seeded PRNG (mulberry32), never Math.random, so the committed file can be
 * regenerated and checked. Tests import `sampleRows` / `writeSampleXlsx` to build bigger sheets
 * (100k rows) in a temporary folder.
 *
 *   node -r ./bin/register-ts.js examples/generate.ts                 → examples/sample.xlsx
 *   node -r ./bin/register-ts.js examples/generate.ts out.xlsx 100000 → 100k rows
 */
import * as path from "path";
import type { Writable } from "stream";
import ExcelJS from "exceljs";
import { makeUscc, USCC_ALPHABET } from "../src/parse/uscc";
import { mulberry32 } from "./seeded-random";

export const SAMPLE_SEED = 20240601;
export const SAMPLE_COUNT = 400;
/** The year the sample is evaluated for: the sheet has no 年度 column, so a fill sets it once (--year 2024). */
export const SAMPLE_YEAR = 2024;
export const SAMPLE_SHEET = "企业名单";
export const NOTES_SHEET = "填表说明";
/** 1-based row of the header (a title, a note and a blank row above it). */
export const SAMPLE_HEADER_ROW = 4;

export const SAMPLE_HEADERS = [
  "序号",
  "企业名称",
  "统一社会信用代码",
  "所属地区",
  "主营业务收入（万元）",
  "上年主营业务收入（万元）",
  "首次入库年份",
  "企业性质",
  "所属行业",
  "亩均评价",
  "技改投资（万元）",
  "租赁面积（㎡）",
  "租期（月）",
  "月租金（万元）",
  "合同金额（万元）",
  "标签",
] as const;

/** One cell as the generator writes it (exceljs value shapes: a Date is a date cell, {error} an error cell). */
export type SampleCell = string | number | Date | { error: "#N/A" } | null;
export type SampleRow = SampleCell[];

export { mulberry32 };

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const chance = (random: Random, p: number): boolean => random() < p;
const between = (random: Random, low: number, high: number): number => low + random() * (high - low);
const round2 = (x: number): number => Math.round(x * 100) / 100;

/** A region as the sheet may name it, with the division code its credit codes carry. */
interface RegionForm {
  readonly text: string;
  readonly code: string;
  readonly city: string;
}

interface RegionProfile {
  readonly weight: number;
  readonly forms: readonly RegionForm[];
  readonly industries: readonly string[];
  /** Whether the region's document uses the column (so the sample fills it more often). */
  readonly rates: { readonly muJun: number; readonly rent: number; readonly contract: number; readonly tech: number };
}

const hz = (text: string, code: string): RegionForm => ({ text, code, city: "杭州" });
const jc = (text: string, code: string): RegionForm => ({ text, code, city: "晋城" });

const REGIONS: readonly RegionProfile[] = [
  {
    weight: 30,
    forms: [
      hz("杭州市西湖区", "330106"),
      hz("萧山区", "330109"),
      hz("330104", "330104"),
      hz("杭州市", "330100"),
      hz("余杭区", "330110"),
      hz("杭州市滨江区", "330108"),
      hz("临平区", "330113"),
      hz("富阳区", "330111"),
      hz("建德市", "330182"),
      hz("杭州市钱塘区", "330114"),
    ],
    industries: [
      "集成电路",
      "生物医药",
      "新材料",
      "高端装备",
      "新能源",
      "通用设备制造业",
      "纺织业",
      "电气机械和器材制造业",
      "化学纤维制造业",
    ],
    rates: { muJun: 0.2, rent: 0.25, contract: 0.02, tech: 0.35 },
  },
  {
    weight: 20,
    forms: [
      jc("晋城", "140500"),
      jc("晋城市", "140500"),
      jc("高平市", "140581"),
      jc("泽州县", "140525"),
      jc("晋城市城区", "140502"),
      jc("阳城县", "140522"),
      jc("140581", "140581"),
    ],
    industries: ["煤炭开采和洗选业", "金属制品业", "非金属矿物制品业", "专用设备制造业", "光机电", "食品制造业"],
    rates: { muJun: 0.05, rent: 0.1, contract: 0.02, tech: 0.1 },
  },
  {
    weight: 18,
    forms: [
      { text: "鹿城区", code: "330302", city: "温州" },
      { text: "温州市鹿城区", code: "330302", city: "温州" },
      { text: "330302", code: "330302", city: "温州" },
    ],
    industries: [
      "皮革、毛皮、羽毛及其制品和制鞋业",
      "服装服饰业",
      "电气机械和器材制造业",
      "通用设备制造业",
      "眼镜制造",
      "印刷和记录媒介复制业",
    ],
    rates: { muJun: 0.85, rent: 0.35, contract: 0.02, tech: 0.3 },
  },
  {
    weight: 15,
    forms: [
      { text: "闽侯县", code: "350121", city: "福州" },
      { text: "闽侯", code: "350121", city: "福州" },
      { text: "福州市闽侯县", code: "350121", city: "福州" },
      { text: "350121", code: "350121", city: "福州" },
    ],
    industries: [
      "计算机、通信和其他电子设备制造业",
      "汽车制造业",
      "木材加工",
      "食品制造业",
      "生物医药",
      "橡胶和塑料制品业",
    ],
    rates: { muJun: 0.05, rent: 0.1, contract: 0.3, tech: 0.35 },
  },
  {
    weight: 12,
    forms: [
      { text: "顺城区", code: "210411", city: "抚顺" },
      { text: "抚顺市顺城区", code: "210411", city: "抚顺" },
      { text: "210411", code: "210411", city: "抚顺" },
    ],
    industries: ["石油、煤炭及其他燃料加工业", "化学原料和化学制品制造业", "专用设备制造业", "金属制品业"],
    rates: { muJun: 0.05, rent: 0.1, contract: 0.02, tech: 0.1 },
  },
];

/** Regions no policy covers, or that cannot be told apart: those rows get #N/A in 说明. */
const STRAY_REGIONS: readonly RegionForm[] = [
  { text: "北京市朝阳区", code: "110105", city: "北京" },
  { text: "110105", code: "110105", city: "北京" },
  { text: "西湖区", code: "330106", city: "杭州" }, // ambiguous: 杭州市西湖区 and 南昌市西湖区
  { text: "温州市", code: "330300", city: "温州" }, // above 鹿城区's level: the district is unknown
  { text: "", code: "330302", city: "温州" }, // blank region cell
];
const STRAY_SHARE = 0.04;

const TRADE_NAMES = [
  "恒达",
  "精工",
  "华锐",
  "新源",
  "鼎盛",
  "宏泰",
  "聚丰",
  "嘉禾",
  "天工",
  "润和",
  "博远",
  "瑞鑫",
  "永盛",
  "中科",
  "金桥",
  "东升",
  "海纳",
  "凯迪",
  "明辉",
  "腾越",
  "安泰",
  "佳信",
  "振华",
  "晨光",
  "汇通",
  "立信",
  "宇航",
  "兴业",
  "同创",
  "万象",
  "众邦",
  "信达",
  "远景",
  "康宁",
  "德邦",
  "卓越",
  "红日",
  "青山",
  "绿源",
  "蓝海",
];
const TRADE_WORDS = [
  "机械",
  "电子",
  "科技",
  "新材料",
  "精密",
  "电气",
  "鞋业",
  "服饰",
  "化工",
  "食品",
  "智能装备",
  "环保",
  "汽配",
  "光电",
];
const COMPANY_FORMS = ["有限公司", "有限公司", "有限公司", "股份有限公司", "有限责任公司"];

const OWNERSHIP: readonly [string, number][] = [
  ["民营", 55],
  ["有限责任公司", 15],
  ["外商投资", 8],
  ["集体", 5],
  ["股份合作", 5],
  ["国有控股", 7],
  ["国有独资", 2],
  ["私营独资", 3],
];
const MU_JUN_FORMS = ["A", "B", "B", "C", "C", "D", "A类", "B类", "C类"];
const TAG_TEXTS: readonly [string, number][] = [
  ["个转企", 8],
  ["分公司转法人", 3],
  ["战略新兴", 6],
  ["新投产", 6],
  ["自有工业用地", 5],
  ["新投产、战略新兴", 2],
  ["个转企；新投产", 2],
  ["同一实控人同地块", 1],
  ["专精特新", 1], // 专精特新 is not an R7 tag: that row reports #VALUE!
];

function weighted<T>(random: Random, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let x = random() * total;
  for (const [item, w] of items) {
    if ((x -= w) < 0) return item;
  }
  return items[items.length - 1][0];
}

function regionFor(random: Random): { profile: RegionProfile; form: RegionForm; stray: boolean } {
  const profile = weighted(
    random,
    REGIONS.map((p) => [p, p.weight] as const),
  );
  if (chance(random, STRAY_SHARE)) return { profile, form: pick(random, STRAY_REGIONS), stray: true };
  return { profile, form: pick(random, profile.forms), stray: false };
}

function creditCodeFor(random: Random, divisionCode: string): string {
  let body = "";
  for (let i = 0; i < 9; i++) body += USCC_ALPHABET[Math.floor(random() * USCC_ALPHABET.length)];
  return makeUscc(`91${divisionCode}${body}`);
}

/** Break the check character (R15: a warning in 说明, never a rejection). */
function breakChecksum(code: string): string {
  const last = code[17];
  const other = USCC_ALPHABET[(USCC_ALPHABET.indexOf(last) + 7) % USCC_ALPHABET.length];
  return code.slice(0, 17) + other;
}

/** Revenue in 万元, skewed so about three in four rows are 规上 (the sheet lists 小升规 candidates). */
function revenueFor(random: Random): number {
  const x = random();
  if (x < 0.22) return round2(between(random, 600, 1999.99));
  if (x < 0.25) return 2000; // the threshold itself qualifies (R2)
  return round2(Math.exp(between(random, Math.log(2000), Math.log(15000))));
}

/** The same revenue the way different offices type it (R1 forms). */
function moneyCell(random: Random, wan: number): SampleCell {
  const x = random();
  if (x < 0.62) return wan;
  if (x < 0.72) return wan.toLocaleString("en-US", { maximumFractionDigits: 2 });
  if (x < 0.8) return `${wan}万元`;
  if (x < 0.87) return String(wan);
  if (x < 0.9) return `${Math.round(wan * 10000)}元`;
  if (x < 0.92) return `${(wan / 10000).toFixed(6).replace(/\.?0+$/, "")}亿`;
  if (x < 0.95) return `${wan} 万`;
  if (x < 0.975) return null;
  if (x < 0.99) return { error: "#N/A" };
  return "待核实";
}

function upgradeYearCell(random: Random): SampleCell {
  const year = weighted(random, [
    [2024, 40],
    [2023, 25],
    [2022, 18],
    [2021, 9],
    [2020, 3],
    [2025, 1],
  ] as const);
  const x = random();
  if (x < 0.68) return year;
  if (x < 0.8) return `${year}年`;
  if (x < 0.9) return new Date(Date.UTC(year, Math.floor(between(random, 0, 12)), 15));
  if (x < 0.93) return `${year}年度`;
  if (x < 0.96) return String(year);
  return null; // omitted ⇒ the evaluated year (R3)
}

function enterpriseName(random: Random, city: string, used: Set<string>): string {
  for (;;) {
    const name = `${city}${pick(random, TRADE_NAMES)}${pick(random, TRADE_WORDS)}${pick(random, COMPANY_FORMS)}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
    // Very large sheets run out of plain names: add a branch number as real registers do.
    const numbered = `${name.replace(/(股份)?有限(责任)?公司$/, "")}${used.size % 97}号${pick(random, COMPANY_FORMS)}`;
    if (!used.has(numbered)) {
      used.add(numbered);
      return numbered;
    }
  }
}

export interface SampleOptions {
  /** Number of enterprise rows (default 400). */
  readonly count?: number;
  readonly seed?: number;
}

/**
 * The data rows, in sheet order (columns as SAMPLE_HEADERS). Deterministic for a given seed and
 * count; a larger count starts with different rows (the PRNG is shared), which is fine for tests.
 */
export function* sampleRows(options: SampleOptions = {}): Generator<SampleRow> {
  const count = options.count ?? SAMPLE_COUNT;
  const random = mulberry32(options.seed ?? SAMPLE_SEED);
  const usedNames = new Set<string>();
  const recent: { name: string; code: string }[] = [];
  for (let index = 0; index < count; index++) {
    const { profile, form } = regionFor(random);
    let name = enterpriseName(random, form.city, usedNames);
    // A credit code carries a county-level code even when the region cell names the whole city.
    const division = form.code.endsWith("00")
      ? pick(
          random,
          profile.forms.filter((f) => !f.code.endsWith("00")),
        ).code
      : form.code;
    let code: string | null = creditCodeFor(random, division);

    const codeMess = random();
    if (codeMess < 0.02) code = breakChecksum(code);
    else if (codeMess < 0.035) code = null;
    else if (codeMess < 0.04) code = code.toLowerCase(); // typed in lower case: still the same code
    // About one row in 150 repeats an earlier enterprise (listed twice by two offices).
    if (recent.length > 5 && chance(random, 1 / 150)) {
      const earlier = recent[Math.floor(random() * recent.length)];
      name = earlier.name;
      code = earlier.code;
    } else if (code) {
      recent.push({ name, code });
      if (recent.length > 200) recent.shift();
    }

    const revenue = revenueFor(random);
    const prev = chance(random, 0.15) ? null : round2(revenue * between(random, 0.72, 1.18));
    const { rates } = profile;
    const rented = chance(random, rates.rent);
    const area = rented ? Math.round(between(random, 400, 6000)) : null;
    const months = rented ? pick(random, [12, 24, 36, 36, 60]) : null;
    const monthlyRent = rented && area !== null ? round2((area * between(random, 18, 42)) / 10000) : null;

    yield [
      index + 1,
      name,
      code,
      form.text === "" ? null : form.text,
      moneyCell(random, revenue),
      prev === null ? null : moneyCell(random, prev),
      upgradeYearCell(random),
      weighted(random, OWNERSHIP),
      chance(random, 0.012) ? "房地产开发经营" : pick(random, profile.industries),
      chance(random, rates.muJun) ? pick(random, MU_JUN_FORMS) : null,
      chance(random, rates.tech) ? round2(between(random, 30, 2400)) : null,
      area,
      months,
      monthlyRent,
      chance(random, rates.contract) ? round2(between(random, 120, 3200)) : null,
      chance(random, 0.3) ? weighted(random, TAG_TEXTS) : null,
    ];
  }
}

const MONEY_COLUMNS = [5, 6, 11, 14, 15]; // 1-based columns holding 万元 amounts
const COLUMN_WIDTHS = [6, 34, 22, 14, 14, 16, 12, 12, 22, 8, 12, 12, 8, 12, 12, 18];
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
const THIN: ExcelJS.Border = { style: "thin", color: { argb: "FFB4B4B4" } };

/** What both exceljs workbook kinds (in memory and streaming) offer that the sample needs. */
interface SheetSink {
  columns: Partial<ExcelJS.Column>[];
  mergeCells(range: string): void;
  addRow(values: unknown[]): ExcelJS.Row;
  autoFilter?: ExcelJS.AutoFilter;
}

function writeSampleSheet(
  sheet: SheetSink,
  rows: Iterable<SampleRow>,
  count: number,
  commit: (row: ExcelJS.Row) => void,
): void {
  const lastColumn = SAMPLE_HEADERS.length;
  sheet.columns = COLUMN_WIDTHS.map((width) => ({ width }));

  const title = sheet.addRow([`${SAMPLE_YEAR}年度“小升规”企业奖励测算表（示例数据，企业名称和代码均为虚构）`]);
  title.font = { bold: true, size: 14 };
  title.height = 24;
  sheet.mergeCells(`A1:${columnName(lastColumn)}1`); // before commit: a streamed row cannot change afterwards
  commit(title);
  const note = sheet.addRow([
    "说明：金额单位除注明外为万元；地区、收入、年份按各科室报送原样汇总，格式不统一；本表由 examples/generate.ts 以固定种子生成。",
  ]);
  note.font = { italic: true, color: { argb: "FF7F7F7F" } };
  sheet.mergeCells(`A2:${columnName(lastColumn)}2`);
  commit(note);
  commit(sheet.addRow([]));

  const header = sheet.addRow([...SAMPLE_HEADERS]);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  header.height = 30;
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  });
  commit(header);

  for (const values of rows) {
    const row = sheet.addRow(values);
    for (const column of MONEY_COLUMNS) {
      if (typeof values[column - 1] === "number") row.getCell(column).numFmt = "#,##0.00";
    }
    if (values[6] instanceof Date) row.getCell(7).numFmt = "yyyy-mm-dd";
    commit(row);
  }
  sheet.autoFilter = {
    from: { row: SAMPLE_HEADER_ROW, column: 1 },
    to: { row: SAMPLE_HEADER_ROW + count, column: lastColumn },
  };
}

function writeNotesSheet(sheet: SheetSink, count: number, commit: (row: ExcelJS.Row) => void): void {
  sheet.columns = [{ width: 22 }, { width: 80 }];
  const lines: unknown[][] = [
    ["填表说明", null],
    ["企业数", { formula: `COUNTA(${SAMPLE_SHEET}!B${SAMPLE_HEADER_ROW + 1}:B${SAMPLE_HEADER_ROW + count})` }],
    ["所属地区", "可填规范名称（杭州市西湖区）、简称（萧山区、晋城）、6 位区划代码（330104）"],
    ["主营业务收入", "默认单位万元；也可写“2350万元”“23500000元”“0.235亿”"],
    ["首次入库年份", "首次纳入规上统计库的年份：2024、2024年或日期"],
    ["标签", "国有、房地产、亩均A–D、个转企、分公司转法人、新投产、战略新兴、自有工业用地等，用顿号或分号分隔"],
  ];
  lines.forEach((line, index) => {
    const row = sheet.addRow(line);
    if (index === 0) row.font = { bold: true, size: 13 };
    commit(row);
  });
}

function columnName(column: number): string {
  let name = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const FIXED_DATE = new Date(Date.UTC(2024, 5, 1));

function stampProperties(workbook: ExcelJS.Workbook): void {
  workbook.creator = "XSG examples/generate.ts";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
}

const SHEET_VIEW: Partial<ExcelJS.WorksheetView>[] = [{ state: "frozen", xSplit: 2, ySplit: SAMPLE_HEADER_ROW }];

/** The sample as an in-memory exceljs workbook (for tests that want to tweak it before saving). */
export function buildSampleWorkbook(options: SampleOptions = {}): ExcelJS.Workbook {
  const count = options.count ?? SAMPLE_COUNT;
  const workbook = new ExcelJS.Workbook();
  stampProperties(workbook);
  const data = workbook.addWorksheet(SAMPLE_SHEET, { views: SHEET_VIEW });
  writeSampleSheet(data as unknown as SheetSink, sampleRows(options), count, () => undefined);
  writeNotesSheet(workbook.addWorksheet(NOTES_SHEET) as unknown as SheetSink, count, () => undefined);
  return workbook;
}

/** Write the sample with exceljs's streaming writer (100k rows in about two seconds). */
export async function writeSampleXlsx(target: string | Writable, options: SampleOptions = {}): Promise<void> {
  const count = options.count ?? SAMPLE_COUNT;
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    ...(typeof target === "string" ? { filename: target } : { stream: target }),
    useStyles: true,
    useSharedStrings: false,
  });
  stampProperties(writer as unknown as ExcelJS.Workbook);
  const commit = (row: ExcelJS.Row): void => row.commit();
  const data = writer.addWorksheet(SAMPLE_SHEET, { views: SHEET_VIEW });
  writeSampleSheet(data as unknown as SheetSink, sampleRows(options), count, commit);
  data.commit();
  const notes = writer.addWorksheet(NOTES_SHEET);
  writeNotesSheet(notes as unknown as SheetSink, count, commit);
  notes.commit();
  await writer.commit();
}

export const SAMPLE_PATH = path.join(__dirname, "sample.xlsx");

async function main(argv: readonly string[]): Promise<void> {
  const target = argv[0] ? path.resolve(argv[0]) : SAMPLE_PATH;
  const count = argv[1] ? Number(argv[1]) : SAMPLE_COUNT;
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`行数须为正整数 / row count must be a positive integer: ${argv[1]}`);
  const started = Date.now();
  await writeSampleXlsx(target, { count });
  process.stdout.write(`已生成 ${target}（${count} 行，${Date.now() - started} ms）\n`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
