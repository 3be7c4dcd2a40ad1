/**
 * Enterprise tags (R7): the `attributes` argument, a text list or a range of
 * cells, becomes a TagMask (bit i ⇔ the i-th tag of the vocabulary). The vocabulary is
 * data: the common tags and their aliases (src/policies/documents/common-tags.json) and
 * the tags each loaded policy document adds (its `tags`). It only grows, so a mask parsed
 * earlier keeps its meaning when a document is imported. An alias maps only to a tag whose
 * meaning it has exactly (reading D23); anything else is #VALUE! listing the close
 * candidates and the known tags, never silently ignored or guessed.
 */
import commonTags from "../policies/documents/common-tags.json";
import { valueError } from "../errors";
import type { Tag, TagMask } from "../model";
import { foldWidth, quoteInput } from "./text";

/** A mask is a 32-bit integer; bit 31 is left unused so masks stay non-negative. */
export const MAX_TAGS = 31;

/** Every tag, in bit order: the common ones first, then each document's own as it is loaded. */
const TAG_NAMES: string[] = [];
/** Normalised spelling (normaliseTag) → bit index; no prototype: "constructor" is not a tag. */
const SPELLINGS: Record<string, number> = Object.create(null);

/** A tag definition as documents and common-tags.json write it. */
export interface TagSpelling {
  readonly tag: string;
  readonly aliases: readonly string[];
  readonly fromColumns?: { readonly [column in TagColumn]?: readonly string[] };
}

/** Sheet columns whose free text implies tags in the batch fill (src/fill/row.ts). */
export type TagColumn = "ownership" | "industry";
/** Per column: texts that imply a tag, in vocabulary order. */
const IMPLIED: Record<TagColumn, { readonly text: string; readonly tag: Tag }[]> = { ownership: [], industry: [] };

/**
 * Adds tags to the vocabulary, all or none: problems (Chinese) when a tag or alias is empty,
 * already means another tag, or the vocabulary would exceed MAX_TAGS. A tag already known
 * with the same spellings is accepted again (two documents may define the same tag alike).
 */
export function defineTags(definitions: readonly TagSpelling[]): string[] {
  const problems: string[] = [];
  const added = new Map<string, string>(); // normalised spelling → tag, within this call
  let fresh = 0;
  for (const { tag, aliases } of definitions) {
    const known = SPELLINGS[normaliseTag(tag)];
    if (known !== undefined && TAG_NAMES[known] !== tag) {
      problems.push(`标签“${tag}”与已有标签“${TAG_NAMES[known]}”的写法相同`);
      continue;
    }
    if (known === undefined && !added.has(normaliseTag(tag))) fresh++;
    for (const spelling of [tag, ...aliases]) {
      const key = normaliseTag(spelling);
      if (key === "") {
        problems.push(`标签“${tag}”有空白的别名`);
        continue;
      }
      const existing = SPELLINGS[key];
      const meaning = existing !== undefined ? TAG_NAMES[existing] : added.get(key);
      if (meaning !== undefined && meaning !== tag)
        problems.push(`别名“${spelling}”已表示标签“${meaning}”，不能再表示“${tag}”`);
      added.set(key, tag);
    }
  }
  if (TAG_NAMES.length + fresh > MAX_TAGS)
    problems.push(`标签总数将超过 ${MAX_TAGS} 个（已有 ${TAG_NAMES.length} 个，新增 ${fresh} 个）`);
  if (problems.length > 0) return problems;
  for (const { tag, aliases } of definitions) {
    let index = SPELLINGS[normaliseTag(tag)];
    if (index === undefined) {
      index = TAG_NAMES.push(tag) - 1;
      SPELLINGS[normaliseTag(tag)] = index;
    }
    for (const alias of aliases) SPELLINGS[normaliseTag(alias)] = index;
  }
  for (const { tag, fromColumns } of definitions) {
    for (const column of ["ownership", "industry"] as const) {
      for (const text of fromColumns?.[column] ?? []) {
        if (!IMPLIED[column].some((implied) => implied.text === text && implied.tag === tag))
          IMPLIED[column].push({ text: foldWidth(text), tag });
      }
    }
  }
  // A text that was unknown may name a new tag now.
  cache.clear();
  impliedCache.ownership.clear();
  impliedCache.industry.clear();
  return [];
}

/** Per column, texts already worked out: such a column holds a handful of texts over 100,000 rows. */
const impliedCache: Record<TagColumn, Map<string, readonly Tag[]>> = { ownership: new Map(), industry: new Map() };

/**
 * The tags a sheet column's text implies (R7; the texts are data: `fromColumns` of each tag).
 * Shared frozen arrays: do not mutate.
 */
export function tagsImpliedBy(column: TagColumn, text: string): readonly Tag[] {
  const cached = impliedCache[column].get(text);
  if (cached !== undefined) return cached;
  const folded = foldWidth(text);
  const tags: Tag[] = [];
  for (const { text: part, tag } of IMPLIED[column]) {
    if (folded.includes(part) && !tags.includes(tag)) tags.push(tag);
  }
  if (impliedCache[column].size >= CACHE_LIMIT) impliedCache[column].clear();
  impliedCache[column].set(text, Object.freeze(tags));
  return impliedCache[column].get(text)!;
}

/** The tags of the vocabulary, in bit order. */
export function knownTags(): readonly Tag[] {
  return TAG_NAMES;
}

/** The bit index of a tag (its exact name), or -1. */
export function tagIndex(tag: string): number {
  const index = SPELLINGS[normaliseTag(tag)];
  return index !== undefined && TAG_NAMES[index] === tag ? index : -1;
}

export function tagBit(tag: Tag): TagMask {
  const index = tagIndex(tag);
  if (index < 0) throw valueError("attributes", `未知的企业标签${quoteInput(tag)}。可用标签：${knownTagsText()}`);
  return 1 << index;
}

export function hasTag(mask: TagMask, tag: Tag): boolean {
  return (mask & tagBit(tag)) !== 0;
}

/** The tags of a mask, in vocabulary order. */
export function tagsOf(mask: TagMask): Tag[] {
  const tags: Tag[] = [];
  for (let index = 0; index < TAG_NAMES.length; index++) {
    if (mask & (1 << index)) tags.push(TAG_NAMES[index]);
  }
  return tags;
}

/** Every tag of the vocabulary set. */
export function allTagsMask(): TagMask {
  return TAG_NAMES.length >= 31 ? 0x7fffffff : (1 << TAG_NAMES.length) - 1;
}

/** "国有、房地产、…" for messages. */
export function knownTagsText(): string {
  return TAG_NAMES.join("、");
}

/**
 * Known tags close to an unknown text (sharing two consecutive characters with the tag or one
 * of its aliases): "失信" → 严重失信, "自有土地" → 自有工业用地. Listed so the official picks
 * the tag that is meant rather than XSG guessing it (D23).
 */
export function closeTags(text: string): Tag[] {
  const key = normaliseTag(text);
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < key.length; i++) pairs.add(key.slice(i, i + 2));
  const close = new Set<number>();
  for (const [spelling, index] of Object.entries(SPELLINGS)) {
    if (close.has(index)) continue;
    if (spelling.includes(key) || (key.length > 1 && [...pairs].some((pair) => spelling.includes(pair))))
      close.add(index);
  }
  return [...close].sort((a, b) => a - b).map((index) => TAG_NAMES[index]);
}

function unknownTagError(token: string, field: string) {
  const close = closeTags(token);
  const hint = close.length > 0 ? `相近的标签：${close.join("、")}（请确认后填写其一）。` : "";
  return valueError(field, `未知的企业标签${quoteInput(token)}。${hint}可用标签：${knownTagsText()}`);
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
    const index = SPELLINGS[normaliseTag(token)];
    if (index === undefined) throw unknownTagError(token, field);
    mask |= 1 << index;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear(); // bounded: a fresh start is cheaper than LRU bookkeeping
  cache.set(text, mask);
  return mask;
}

// The common vocabulary is defined once, when the parser is first loaded.
const commonProblems = defineTags(commonTags.tags);
if (commonProblems.length > 0) throw new Error(`common-tags.json: ${commonProblems.join("；")}`);
