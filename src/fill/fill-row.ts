/**
 * A row's outcome: the seven cells the fill writes and the figures its summary adds up, for the
 * add-in, the CLI and the offline page alike; the lookup shows the same outcome (evaluateRow) with
 * evaluate()'s clause-by-clause view beside it. The row's clause outcomes stay codes in the
 * engine's reused array (evaluateCodes), added up by the engine (addUp); only the text the cells
 * show is built here, with row-result.ts's text helpers. No Evaluation per filled row.
 */
import type { EnterpriseField, Yuan } from "../model";
import { isXsgError } from "../errors";
import { evaluate, type Evaluation } from "../engine";
import { documentLabel } from "../policies/naming";
import type { Policy } from "../policies/types";
import { clauseReasons, evaluateCodes, type ClauseCodes } from "../engine/codes";
import { addUp, emptyTotals, HAS_CLAUSES, NEEDS_DATA, QUANTIFIED, UNQUANTIFIED } from "../engine/add-up";
import { grantedCash, needsData, statusOf } from "../engine/clause-outcome";
import { missingFacts } from "../engine/facts";
import type { PolicyPlan } from "../engine/plan";
import type { ColumnMapping } from "./mapping";
import { textPayloadBytes } from "./blocks";
import type { RowRead } from "./row";
import {
  CASH_CATEGORIES,
  basisText,
  benefitsNote,
  categoryNote,
  clauseName,
  clip,
  MAX_NOTE_LENGTH,
  evaluationErrorResult,
  grantedNote,
  missingDataState,
  refusalNote,
  rowStatus,
  unevaluatedResult,
  withExtraWarnings,
  unquantifiedNote,
  type AmountState,
  type CashCategory,
  type GrantedCash,
  type RowOutcome,
  type RowResult,
} from "./row-result";

const NO_WARNINGS: readonly string[] = Object.freeze([]);
const AWARD = CASH_CATEGORIES.indexOf("award");

/** What the fill needs of a policy's clauses beyond the compiled plan, worked out once per policy. */
interface FillView {
  /** Per clause: its name in 说明. */
  readonly names: readonly string[];
  /** 依据 of a row granted nothing: the document and its award clauses. */
  readonly basisWithoutGrant: string;
  /** The document as the summary names it (documentLabel). */
  readonly documentNumber: string;
  /**
   * 说明 parts that recur row after row, built once: an award clause refused for an upgrade year
   * outside the document (key: U × 64 + clause), the unquantified promises (key: clause bit mask).
   */
  readonly notCoveredNotes: Map<number, string>;
  readonly unquantifiedNotes: Map<number, string>;
  /** 依据 of a row granted cash, by the bit mask of its granted clauses. */
  readonly grantedBases: Map<number, string>;
  /** "（一）首次升规奖励 20万元", by clause id and amount. */
  readonly grantedNotes: Map<string, Map<number, string>>;
}

/** Clause masks fit a small integer for documents of up to this many clauses; longer ones list labels. */
const MASKABLE_CLAUSES = 30;
const MAX_MEMOISED_NOTES = 1024;

/** Keeps a memoised 说明 part (bounded: cleared when full). Callers look up first: no closure per row. */
function remember(notes: Map<number, string>, key: number, note: string): string {
  if (notes.size >= MAX_MEMOISED_NOTES) notes.clear();
  notes.set(key, note);
  return note;
}

const views = new WeakMap<PolicyPlan, FillView>();

function viewOf(plan: PolicyPlan): FillView {
  let view = views.get(plan);
  if (view === undefined) {
    const clauses = plan.clauses.map((c) => c.clause);
    view = {
      names: clauses.map((clause) => clauseName(clause.id, clause)),
      basisWithoutGrant: basisText(
        documentOf(plan.policy),
        clauses.filter((clause) => clause.category === "award").map((clause) => clause.label),
      ),
      documentNumber: documentLabel(plan.policy),
      notCoveredNotes: new Map(),
      unquantifiedNotes: new Map(),
      grantedBases: new Map(),
      grantedNotes: new Map(),
    };
    views.set(plan, view);
  }
  return view;
}

function documentOf(policy: Policy): Parameters<typeof basisText>[0] {
  return { regionName: policy.regionName, documentNumber: documentLabel(policy), documentStatus: policy.status };
}

/* Reused for every row: rows are evaluated one at a time. */
const totals = emptyTotals();
const categoryMissing: (EnterpriseField[] | null)[] = CASH_CATEGORIES.map(() => null);

const KNOWN_ZERO: AmountState = Object.freeze({ state: "known", yuan: 0 });
const UNQUANTIFIED_STATE: AmountState = Object.freeze({ state: "unquantified" });

/** The state of each cash category: the engine's sums (addUp) and, where data is missing, which facts. */
function categoryAmounts(codes: ClauseCodes, mapping: ColumnMapping): Record<CashCategory, AmountState> {
  const { plan, facts } = codes;
  addUp(plan, codes.codes, totals);
  categoryMissing.fill(null);
  for (let i = 0; i < plan.clauses.length; i++) {
    const j = plan.cashIndex[i];
    const code = codes.codes[i];
    if (j >= 0 && needsData(code)) {
      const missing = (categoryMissing[j] ??= []);
      for (const field of missingFacts(plan.clauses[i], facts, code)) missing.push(field);
    }
  }
  // One literal with every category (one object shape for every row), filled in below.
  const amounts: Record<CashCategory, AmountState> = {
    award: KNOWN_ZERO,
    tech: KNOWN_ZERO,
    rent: KNOWN_ZERO,
    bid: KNOWN_ZERO,
    "other-cash": KNOWN_ZERO,
  };
  for (let j = 0; j < CASH_CATEGORIES.length; j++) {
    const category = CASH_CATEGORIES[j];
    const flags = totals.flags[j];
    const yuan = totals.yuan[j];
    if ((flags & HAS_CLAUSES) === 0) amounts[category] = KNOWN_ZERO;
    else if (flags & NEEDS_DATA) amounts[category] = missingDataState(category, categoryMissing[j] ?? [], mapping);
    else if ((flags & QUANTIFIED) === 0 && flags & UNQUANTIFIED) amounts[category] = UNQUANTIFIED_STATE;
    else amounts[category] = yuan === 0 ? KNOWN_ZERO : { state: "known", yuan };
  }
  return amounts;
}

/** The granted cash clauses, in document order. */
function grantedOf(codes: ClauseCodes): GrantedCash[] {
  const granted: GrantedCash[] = [];
  const { clauses } = codes.plan;
  for (let i = 0; i < clauses.length; i++) {
    const yuan = codes.plan.cashIndex[i] < 0 ? 0 : grantedCash(clauses[i], codes.codes[i]);
    if (yuan === 0) continue;
    const { clause } = clauses[i];
    granted.push({
      clauseId: clause.id,
      label: clause.label,
      title: clause.title,
      category: clause.category as CashCategory,
      yuan,
    });
  }
  return granted;
}

/** 说明, part by part in the reference's order (noteOf in row-result.ts). */
function noteOf(
  codes: ClauseCodes,
  view: FillView,
  amounts: Record<CashCategory, AmountState>,
  granted: readonly GrantedCash[],
  read: RowRead,
  extraWarnings: readonly string[],
  mapping: ColumnMapping,
): { note: string; bytes: number | undefined } {
  const parts = new NoteParts();
  const { clauses } = codes.plan;
  for (const g of granted) parts.shared(grantedNoteOf(view, g));
  // Why no upgrade award: the refusals of the award clauses (only when none was granted).
  const award = amounts.award;
  if (award.state === "known" && award.yuan === 0) {
    for (let i = 0; i < clauses.length; i++) {
      if (codes.plan.cashIndex[i] !== AWARD) continue;
      const status = statusOf(clauses[i], codes.codes[i]);
      if (status === "not-covered" && i < 64 && !clauses[i].cultivation) {
        const key = codes.facts.upgradeYear * 64 + i; // its text names the clause, its document and U only (reasons.ts)
        const known = view.notCoveredNotes.get(key);
        parts.shared(known ?? remember(view.notCoveredNotes, key, refusalNote(view.names[i], clauseReasons(codes, i))));
      } else if (status === "not-eligible" || status === "excluded" || status === "not-covered")
        parts.fresh(refusalNote(view.names[i], clauseReasons(codes, i)));
    }
  }
  for (const category of CASH_CATEGORIES) {
    const part = categoryNote(category, amounts[category], mapping);
    if (part !== null) parts.shared(part);
  }
  // The unquantified promises met: a bit per clause (memoised note), or labels for a long document.
  const maskable = clauses.length <= MASKABLE_CLAUSES;
  let unquantified = 0;
  let unquantifiedLabels: string[] | null = null;
  let benefits = 0;
  for (let i = 0; i < clauses.length; i++) {
    const status = statusOf(clauses[i], codes.codes[i]);
    if (status === "not-quantified") {
      if (maskable) unquantified |= 1 << i;
      else (unquantifiedLabels ??= []).push(clauses[i].clause.label);
    } else if (status === "granted" && codes.plan.cashIndex[i] < 0) benefits++;
  }
  if (unquantified !== 0) {
    const known = view.unquantifiedNotes.get(unquantified);
    parts.shared(
      known ?? remember(view.unquantifiedNotes, unquantified, unquantifiedNote(labelsOf(clauses, unquantified))),
    );
  } else if (unquantifiedLabels !== null) parts.fresh(unquantifiedNote(unquantifiedLabels));
  if (benefits > 0) parts.shared(benefitsNote(benefits));
  for (const note of codes.notes) parts.shared(note); // evaluationNotes' texts are built once per year
  for (const warning of read.warnings) parts.fresh(warning.message);
  for (const warning of extraWarnings) parts.fresh(warning);
  return parts.joined();
}

/** "（一）首次升规奖励 20万元": built once per document, clause and amount (a ledger repeats a few amounts). */
function grantedNoteOf(view: FillView, g: GrantedCash): string {
  let byYuan = view.grantedNotes.get(g.clauseId);
  if (byYuan === undefined) view.grantedNotes.set(g.clauseId, (byYuan = new Map()));
  return byYuan.get(g.yuan) ?? remember(byYuan, g.yuan, grantedNote(clauseName(g.clauseId, g), g.yuan));
}

function labelsOf(clauses: PolicyPlan["clauses"], mask: number): string[] {
  return clauses.filter((_, i) => (mask & (1 << i)) !== 0).map((c) => c.clause.label);
}

/**
 * 说明's parts, and its payload bytes (textPayloadBytes) summed as they are added: a part the fill
 * builds once (memoised) is measured once, a part built for this row is measured as it is.
 */
class NoteParts {
  private readonly parts: string[] = [];
  private bytes = 2; // the quotes
  /** The shared parts' ids in order, while every part is shared: the whole note is then memoised. */
  private key = "";
  private keyed = true;

  shared(part: string): void {
    this.parts.push(part);
    let known = sharedParts.get(part);
    if (known === undefined) {
      if (sharedParts.size >= MAX_MEMOISED_NOTES) sharedParts.clear();
      known = { bytes: textPayloadBytes(part), id: nextPartId++ }; // ids are never reused
      sharedParts.set(part, known);
    }
    this.bytes += known.bytes - 2;
    if (this.keyed) this.key += `${known.id},`;
  }

  fresh(part: string): void {
    this.parts.push(part);
    this.bytes += textPayloadBytes(part) - 2;
    this.keyed = false;
  }

  joined(): { note: string; bytes: number | undefined } {
    // Rows whose 说明 is made of shared parts only share one note: no join, and one string kept for all.
    if (this.keyed) {
      const known = wholeNotes.get(this.key);
      if (known !== undefined) return known;
    }
    const joined = this.parts.join(NOTE_SEPARATOR);
    const note =
      joined.length > MAX_NOTE_LENGTH
        ? { note: clip(joined), bytes: undefined } // measured when written
        : { note: joined, bytes: this.bytes + NOTE_SEPARATOR_BYTES * Math.max(0, this.parts.length - 1) };
    if (this.keyed) {
      if (wholeNotes.size >= MAX_MEMOISED_NOTES) wholeNotes.clear();
      wholeNotes.set(this.key, note);
    }
    return note;
  }
}
const NOTE_SEPARATOR = "；";
const NOTE_SEPARATOR_BYTES = textPayloadBytes(NOTE_SEPARATOR) - 2;
/** Memoised parts, by text (a memoised text is the same string object: its hash is cached): bytes and an id. */
const sharedParts = new Map<string, { readonly bytes: number; readonly id: number }>();
let nextPartId = 0;
/** Whole notes made of shared parts only, by their parts' ids. */
const wholeNotes = new Map<string, { note: string; bytes: number | undefined }>();

function labelsOfGranted(granted: readonly GrantedCash[]): string[] {
  return granted.map((g) => g.label);
}

/** 依据 of a row granted cash: built once per document and set of granted clauses (bit mask). */
function grantedBasis(codes: ClauseCodes, view: FillView, granted: readonly GrantedCash[]): string {
  const { clauses, cashIndex } = codes.plan;
  if (clauses.length > MASKABLE_CLAUSES) return basisText(documentOf(codes.plan.policy), labelsOfGranted(granted));
  let mask = 0;
  for (let i = 0; i < clauses.length; i++) {
    if (cashIndex[i] >= 0 && grantedCash(clauses[i], codes.codes[i]) > 0) mask |= 1 << i;
  }
  return (
    view.grantedBases.get(mask) ??
    remember(view.grantedBases, mask, basisText(documentOf(codes.plan.policy), labelsOfGranted(granted)))
  );
}

/** What the fill writes for a read row, and what its summary adds up. */
export function fillRow(
  read: RowRead,
  mapping: ColumnMapping,
  extraWarnings: readonly string[] = NO_WARNINGS,
): RowOutcome {
  const unevaluated = unevaluatedResult(read, extraWarnings);
  if (unevaluated !== null) return unevaluated;
  let codes: ClauseCodes;
  try {
    // unevaluatedResult() returned null: the row has an enterprise and a year.
    codes = evaluateCodes(read.enterprise!, read.year!);
  } catch (error) {
    if (!isXsgError(error)) throw error;
    return evaluationErrorResult(read, extraWarnings, mapping, error);
  }
  const view = viewOf(codes.plan);
  const amounts = categoryAmounts(codes, mapping);
  const granted = grantedOf(codes);
  const totalYuan: Yuan = totals.totalYuan;
  const unknown = CASH_CATEGORIES.some((category) => amounts[category].state === "needs-data");
  const policy = codes.plan.policy;
  const note = noteOf(codes, view, amounts, granted, read, extraWarnings, mapping);
  return {
    kind: "enterprise",
    status: rowStatus(unknown, totalYuan),
    amounts,
    totalYuan: unknown ? null : totalYuan,
    basis: granted.length > 0 ? grantedBasis(codes, view, granted) : view.basisWithoutGrant,
    note: note.note,
    noteBytes: note.bytes,
    cash: {
      year: codes.facts.year,
      regionName: policy.regionName,
      documentNumber: view.documentNumber,
      totalYuan,
      granted,
    },
  };
}

/**
 * The lookup's view of a row: the fill's own outcome (fillRow) with the row as read, its errors
 * and evaluate()'s clause-by-clause Evaluation of the same document.
 */
export function evaluateRow(read: RowRead, mapping: ColumnMapping, extraWarnings: readonly string[] = []): RowResult {
  const unevaluated = unevaluatedResult(read, extraWarnings);
  if (unevaluated !== null) return unevaluated;
  let evaluation: Evaluation;
  try {
    // unevaluatedResult() returned null: the row has an enterprise and a year.
    evaluation = evaluate(read.enterprise!, read.year!);
  } catch (error) {
    if (!isXsgError(error)) throw error;
    return evaluationErrorResult(read, extraWarnings, mapping, error);
  }
  const outcome = fillRow(read, mapping, extraWarnings);
  return { ...outcome, read: withExtraWarnings(read, extraWarnings), evaluation, errors: [] };
}
