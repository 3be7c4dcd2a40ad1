/**
 * Enterprise tags (R7): the `attributes` argument, a text list or a range of
 * cells, becomes a TagMask (bit i ⇔ CANONICAL_TAGS[i]). Officials type many
 * names for the same fact, so obvious aliases are accepted; anything else is
 * #VALUE! listing the canonical tags, never silently ignored.
 */
import { valueError } from "../errors";
import { CANONICAL_TAGS, type Tag, type TagMask } from "../model";
import { foldWidth, quoteInput } from "./text";

const TAG_INDEX = new Map<string, number>(CANONICAL_TAGS.map((tag, index) => [tag, index]));

export function tagBit(tag: Tag): TagMask {
  const index = TAG_INDEX.get(tag);
  if (index === undefined)
    throw valueError("attributes", `未知的企业标签${quoteInput(tag)}。可用标签：${knownTagsText()}`);
  return 1 << index;
}

export function hasTag(mask: TagMask, tag: Tag): boolean {
  return (mask & tagBit(tag)) !== 0;
}

/** The tags of a mask, in canonical order. */
export function tagsOf(mask: TagMask): Tag[] {
  const tags: Tag[] = [];
  for (let index = 0; index < CANONICAL_TAGS.length; index++) {
    if (mask & (1 << index)) tags.push(CANONICAL_TAGS[index]);
  }
  return tags;
}

/** Every canonical tag set. */
export const ALL_TAGS_MASK: TagMask = (1 << CANONICAL_TAGS.length) - 1;

/** "国有、房地产、…" for messages. */
export function knownTagsText(): string {
  return CANONICAL_TAGS.join("、");
}

/**
 * Alias → canonical tag, keyed by the normalised spelling (see normaliseTag: full
 * width folded, Latin upper-cased, a trailing 企业/类 removed). Canonical names map
 * to themselves.
 */
export const TAG_ALIASES: Readonly<Record<string, Tag>> = buildAliases({
  国有: [
    "国有控股",
    "国有企业",
    "国企",
    "国有独资",
    "国有全资",
    "国有独资公司",
    "国有控股公司",
    "国有及国有控股",
    "国资",
    "央企",
    "中央企业",
    "地方国企",
  ],
  房地产: ["房地产企业", "房地产开发", "房地产开发企业", "房地产开发经营", "房地产业", "房企"],
  行政事业单位: ["事业单位", "行政单位", "机关", "行政机关", "机关事业单位", "党政机关", "行政事业", "机关单位"],
  严重失信: [
    "失信",
    "严重失信企业",
    "失信名单",
    "严重失信名单",
    "列入严重失信名单",
    "严重失信主体",
    "严重失信主体名单",
    "失信被执行人",
    "失信主体",
    "严重违法失信",
  ],
  个转企: [
    "个体工商户转企",
    "个体工商户转企业",
    "个体工商户转为企业",
    "个体工商户转型升级为企业",
    "个体转企业",
    "个体转企",
    "个转企业",
    "个体户转企业",
    "个体户转企",
  ],
  分公司转法人: [
    "分公司转独立法人",
    "分公司转为独立法人",
    "业务部门转法人",
    "业务部门转独立法人",
    "大企业分公司转法人",
    "大企业业务部门转法人",
    "大集团分公司转法人",
    "分公司转子公司",
    "分转子",
    "转独立法人",
  ],
  新投产: ["新开工投产", "新建投产", "新投产项目", "新建投产纳统", "新开工(投产)"],
  战略新兴: ["战略性新兴产业", "战略性新兴", "战略新兴产业", "战新", "战新产业"],
  自有工业用地: ["自有用地", "有工业用地", "自有工业用地", "自有土地", "有自有工业用地"],
  同一实控人同地块: [
    "同一实际控制人同地块",
    "同一实际控制人同一地块",
    "同一企业实际控制人在同一地块",
    "同一实控人同一地块",
    "同一地块",
  ],
  新一代信息技术: ["新一代信息技术及应用", "新一代信息技术产业", "信息技术"],
  高端装备: ["高端装备制造", "高端装备制造业", "高端装备产业"],
  生物医药: ["生物医药产业"],
  集成电路: ["集成电路产业"],
  新能源: ["新能源产业"],
  新材料: ["新材料产业"],
  ...muJunAliases(),
});

/** 亩均论英雄 ratings A–D: 亩均A, 亩均A类, 亩均评价A, 亩均效益A类, 亩均综合评价A, and A类 (the documents' wording). */
function muJunAliases(): Partial<Record<Tag, string[]>> {
  const prefixes = [
    "亩均",
    "亩均评价",
    "亩均效益",
    "亩均效益评价",
    "亩均综合评价",
    "亩均论英雄",
    "亩均论英雄综合评价",
    "",
  ];
  const aliases: Partial<Record<Tag, string[]>> = {};
  for (const letter of ["A", "B", "C", "D"] as const) {
    aliases[`亩均${letter}`] = prefixes.map((prefix) => (prefix === "" ? `${letter}类` : prefix + letter));
  }
  return aliases;
}

function buildAliases(groups: Partial<Record<Tag, string[]>>): Record<string, Tag> {
  const table: Record<string, Tag> = Object.create(null); // no prototype: "constructor" is not a tag
  for (const tag of CANONICAL_TAGS) table[normaliseTag(tag)] = tag;
  for (const [tag, aliases] of Object.entries(groups) as [Tag, string[]][]) {
    for (const alias of aliases) {
      const key = normaliseTag(alias);
      if (table[key] !== undefined && table[key] !== tag) throw new Error(`tag alias ${alias} is ambiguous`);
      table[key] = tag;
    }
  }
  return table;
}

/**
 * The spelling aliases are looked up by: width folded, Latin upper-cased, quotes
 * removed, then a trailing 企业 or 类 dropped ("亩均C类企业" → "亩均C"). A bare letter
 * is not a rating: "C类" is (the documents' wording), but "C" or "D级" may be a
 * tax-credit grade (纳税信用D级), so they stay unknown rather than silently
 * excluding the enterprise; 级 and 档 are dropped only after 亩均.
 */
export function normaliseTag(text: string): string {
  let tag = foldWidth(text)
    .trim()
    .toUpperCase()
    .replace(/^["'“”‘’「」『』【】[\]]+|["'“”‘’「」『』【】[\]]+$/g, "");
  for (let previous = ""; previous !== tag;) {
    previous = tag;
    if (!/^[A-D]类$/.test(tag)) tag = tag.replace(/(?:企业|类)$/, ""); // "C类" stays: a bare "C" is not a rating
    if (/^亩均.*[A-D][级档]$/.test(tag)) tag = tag.slice(0, -1);
  }
  return tag;
}

/** Separators between tags: ; ； , ， 、 / | and any whitespace (full-width folded first). */
const SEPARATORS = /[;,、/|\s\u3000\u00a0]+/;

/** Parsed texts, so a sheet with one tag text per row costs a Map lookup per cell. */
const cache = new Map<string, TagMask>();
const CACHE_LIMIT = 4096;

/**
 * Parse tags into a TagMask. Accepts text ("国有;亩均C类"), a range (unknown[][]),
 * or an array of cells, one tag or a separated list per cell. Empty cells are
 * ignored; null/"" ⇒ 0. An unknown tag or a non-text cell ⇒ XsgError VALUE naming `field`.
 */
export function parseTags(value: unknown, field = "attributes"): TagMask {
  if (typeof value === "string") return maskOfText(value, field); // blank text has no tokens ⇒ 0
  if (value === null || value === undefined) return 0;
  if (Array.isArray(value)) {
    let mask = 0;
    for (const item of value) mask |= parseTags(item, field);
    return mask;
  }
  throw valueError(field, `无法识别的企业标签${quoteInput(value)}，请填写标签文字，如 国有、亩均C、个转企`);
}

function maskOfText(text: string, field: string): TagMask {
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  let mask = 0;
  for (const token of foldWidth(text).split(SEPARATORS)) {
    if (token === "") continue;
    const tag = TAG_ALIASES[normaliseTag(token)];
    if (tag === undefined) {
      throw valueError(field, `未知的企业标签${quoteInput(token)}。可用标签：${knownTagsText()}`);
    }
    mask |= 1 << (TAG_INDEX.get(tag) as number);
  }
  if (cache.size >= CACHE_LIMIT) cache.clear(); // bounded: a fresh start is cheaper than LRU bookkeeping
  cache.set(text, mask);
  return mask;
}
