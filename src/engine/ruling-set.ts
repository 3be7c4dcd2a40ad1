/**
 * The rulings an outcome applied, as a bit mask. evaluate() collects them for every clause of
 * every row of a batch fill; a Set plus a sort per clause was the largest allocation there.
 * Equal sets share one frozen, sorted array.
 */
import type { RulingId } from "../model";

const MAX_RULING = 30; // bits 1..30 of a 32-bit integer

export class RulingSet {
  private bits = 0;

  constructor(ids: Iterable<RulingId> = []) {
    for (const id of ids) this.add(id);
  }

  add(id: RulingId): this {
    this.bits |= bitOf(id);
    return this;
  }

  addAll(ids: Iterable<RulingId>): this {
    for (const id of ids) this.add(id);
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
    }
    return ids;
  }
}

const sorted = new Map<number, RulingId[]>();
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
