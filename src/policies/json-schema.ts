/**
 * The published JSON Schema of the policy document format (docs/policy-document.schema.json),
 * generated from the same tables the loader checks with (schema.ts DOCUMENT_SHAPES, kinds.ts,
 * types.ts), so the two cannot drift (a test fails when the file is stale). Editors use it for
 * completion and first checks; the loader (parsePolicyDocument) remains the judge: it also
 * checks what JSON Schema cannot say (clause ids, sums, quotes, tags, overlaps).
 */
import { CASH_CATEGORIES } from "../model";
import { KIND_ONLY_CONDITIONS, KIND_SPECS } from "./kinds";
import { READINGS } from "./readings";
import { RULINGS } from "./rulings";
import { DOCUMENT_SHAPES } from "./schema";
import {
  AMOUNT_READINGS,
  CLAUSE_KINDS,
  CLAUSE_STAGES,
  INSTALMENT_TESTS,
  POLICY_FORMAT,
  POLICY_STATUSES,
  UNITS,
} from "./types";

type Json = { [key: string]: unknown };
type ShapeName = keyof typeof DOCUMENT_SHAPES;

const text = { type: "string", minLength: 1 };
const nullableText = { type: ["string", "null"] };
const isoDate = { type: ["string", "null"], pattern: "^\\d{4}-\\d{2}-\\d{2}$" };
const ref = (name: string) => ({ $ref: `#/$defs/${name}` });
const list = (items: unknown, minItems = 0) => ({ type: "array", items, ...(minItems ? { minItems } : {}) });
const rulings = list({ enum: RULINGS.map((ruling) => ruling.id) });
const tags = list(text, 1);

/** The properties of each object, by the loader's key lists (every key the shapes know, no other). */
const PROPERTIES: { [S in ShapeName]: Record<keyof (typeof DOCUMENT_SHAPES)[S] & string, unknown> } = {
  policy: {
    $schema: { type: "string" },
    format: { const: POLICY_FORMAT },
    id: {
      type: "string",
      pattern: "^[a-z][a-z0-9-]*$",
      description: "文件 id（小写字母、数字、连字符），条款 id 的前缀",
    },
    regionId: { type: "string", pattern: "^[a-z][a-z0-9-]*$", description: "地区 id；同一地区可有多个文件（R4）" },
    regionName: { ...text, description: "规范地区名称，如 杭州市" },
    divisionCode: { type: "string", pattern: "^\\d{6}$", description: "6 位行政区划代码" },
    level: { enum: ["city", "county"] },
    documentNumber: { ...text, description: "文号" },
    title: text,
    noticeTitle: nullableText,
    issuer: text,
    status: { enum: [...POLICY_STATUSES] },
    issueDate: isoDate,
    basis: list(text),
    inForce: ref("inForce"),
    coveredUpgradeYears: ref("coveredUpgradeYears"),
    stacking: ref("stacking"),
    exclusions: list(ref("exclusion")),
    cultivationPool: { oneOf: [ref("cultivationPool"), { type: "null" }] },
    tags: list(ref("tagDefinition")),
    clauses: list(ref("clause"), 1),
    source: text,
  },
  tagDefinition: { tag: text, aliases: list(text), meaning: text, fromColumns: ref("fromColumns") },
  fromColumns: {
    ownership: { ...list(text), description: "批量填充：“企业性质”列含其中任一写法即带此标签" },
    industry: { ...list(text), description: "批量填充：“所属行业”列含其中任一写法即带此标签" },
  },
  clause: {
    id: { type: "string", pattern: "^[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+$" },
    label: text,
    title: text,
    kind: { enum: [...CLAUSE_KINDS] },
    category: { enum: [...CASH_CATEGORIES, "benefit"] },
    quote: text,
    params: { type: "object" },
    conditions: ref("conditions"),
    amountReading: { enum: [...AMOUNT_READINGS] },
    fiscal: { type: "boolean" },
    benefit: text,
    rulings,
    readings: list({ enum: READINGS.map((reading) => reading.id) }),
    note: text,
  },
  conditions: {
    k: ref("k"),
    stage: { enum: [...CLAUSE_STAGES] },
    requiredTags: tags,
    anyOfTags: tags,
    excludedTags: tags,
    rateTags: { ...tags, description: `只用于 ${KIND_ONLY_CONDITIONS.rateTags.join("、")}` },
    minRevenue: ref("quantity"),
    unverified: list(text),
    growthFigure: { ...text, description: `只用于 ${KIND_ONLY_CONDITIONS.growthFigure.join("、")}` },
  },
  quantity: { value: { type: "number" }, unit: { enum: [...UNITS] } },
  instalment: { k: { type: "integer", minimum: 0 }, amount: ref("quantity"), test: { enum: [...INSTALMENT_TESTS] } },
  exclusion: {
    id: text,
    label: text,
    tags,
    scope: { const: "fiscal" },
    allowedClauses: list(text),
    quote: text,
    rulings,
  },
  cultivationPool: {
    label: text,
    min: ref("quantity"),
    below: { oneOf: [ref("quantity"), { type: "null" }] },
    figure: text,
    quote: text,
    rulings,
  },
  stacking: { rule: text, label: nullableText, quote: nullableText, rulings },
  inForce: { from: isoDate, to: isoDate, note: text },
  coveredUpgradeYears: {
    from: { type: "integer", minimum: 1990 },
    to: { type: ["integer", "null"], minimum: 1990 },
    note: text,
  },
  k: { from: { type: "integer", minimum: 0 }, to: { type: ["integer", "null"], minimum: 0 } },
};

function objectSchema(name: ShapeName): Json {
  const shape = DOCUMENT_SHAPES[name] as Readonly<Record<string, boolean>>;
  return {
    type: "object",
    properties: PROPERTIES[name],
    required: Object.keys(shape).filter((key) => shape[key]),
    additionalProperties: false,
  };
}

/** Each kind's parameters: names, units and which are required (kinds.ts). */
function kindRules(): Json[] {
  return CLAUSE_KINDS.map((kind) => {
    const spec = KIND_SPECS[kind];
    const params: Json = spec.params
      ? {
          type: "object",
          properties: Object.fromEntries(
            Object.entries(spec.params).map(([param, p]) => [
              param,
              p.type === "instalments"
                ? { ...list(ref("instalment"), 1), description: p.label }
                : { allOf: [ref("quantity")], properties: { unit: { enum: p.units } }, description: p.label },
            ]),
          ),
          required: Object.entries(spec.params)
            .filter(([, p]) => p.required)
            .map(([param]) => param),
          additionalProperties: false,
        }
      : { type: "object", additionalProperties: ref("quantity") };
    return {
      if: { properties: { kind: { const: kind } }, required: ["kind"] },
      then: { properties: { params, category: { enum: spec.categories } } },
    };
  });
}

export function policyJsonSchema(): Json {
  const defs = Object.fromEntries(
    (Object.keys(DOCUMENT_SHAPES) as ShapeName[]).map((name) => [name, objectSchema(name)]),
  );
  defs.clause = { ...defs.clause, allOf: kindRules() };
  const { policy, ...rest } = defs;
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://xsg.invalid/policy-document.schema.json",
    title: "XSG 小升规政策文件",
    description: `XSG 政策文件格式 ${POLICY_FORMAT}（生成自 src/policies/json-schema.ts，请勿手工编辑）。XSG 的载入检查更严：见 docs/architecture.md。`,
    ...policy,
    $defs: rest,
  };
}

/** The file's text. */
export function renderPolicySchema(): string {
  return `${JSON.stringify(policyJsonSchema(), null, 2)}\n`;
}
