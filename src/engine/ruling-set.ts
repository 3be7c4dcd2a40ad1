/**
 * The rulings an outcome applied, as a bit mask. evaluate() collects them for every clause of
 * every row of a batch fill; a Set plus a sort per clause was the largest allocation there.
 * Equal sets share one frozen, sorted array.
 */
import type { RulingId } from "../model";

const MAX_RULING = 30; // bits 1..30 of a 32-bit integer

export class RulingSet {
  private bits = 0;

  /** From ruling ids, or from the bits of rulingBits(). */
  constructor(initial: Iterable<RulingId> | number = 0) {
    if (typeof initial === "number") this.bits = initial;
    else for (const id of initial) this.add(id);
  }

  add(id: RulingId): this {
    this.bits |= bitOf(id);
    return this;
  }

  /** Adds a list; the frozen lists of policy data and of toArray() are looked up once each. */
  addAll(ids: readonly RulingId[]): this {
    this.bits |= rulingBits(ids);
    return this;
  }

  /** The members in ruling order (R1, R2 … R15). Frozen and shared: do not mutate. */
  toArray(): RulingId[] {
    let ids = sorted.get(this.bits);
    if (ids === undefined) {
      const list: RulingId[] = [];
      for (let n = 1; n <= MAX_RULING; n++) if (this.bits & (1 << n)) list.push(`R${n}`);
      ids = Object.freeze(list) as RulingId[];
      sorted.set(this.bits, ids);
      listBits.set(ids, this.bits);
    }
    return ids;
  }
}

const sorted = new Map<number, RulingId[]>();
const listBits = new WeakMap<readonly RulingId[], number>();

/** The bits of a list of ruling ids, remembered per (frozen, shared) list. */
export function rulingBits(ids: readonly RulingId[]): number {
  let value = listBits.get(ids);
  if (value === undefined) {
    value = 0;
    for (const id of ids) value |= bitOf(id);
    if (Object.isFrozen(ids)) listBits.set(ids, value);
  }
  return value;
}
const bits = new Map<string, number>();

function bitOf(id: RulingId): number {
  let bit = bits.get(id);
  if (bit === undefined) {
    const n = Number(id.slice(1));
    if (!Number.isInteger(n) || n < 1 || n > MAX_RULING) throw new Error(`unknown ruling id ${id}`);
    bit = 1 << n;
    bits.set(id, bit);
  }
  return bit;
}
