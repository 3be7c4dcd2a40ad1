/**
 * The data both workbook tabs share: the region read from the sheet, its header, and the
 * column mapping + whole-sheet defaults the official confirmed. Lives in App so the lookup
 * uses exactly the mapping the fill uses. The mapping is saved per workbook and sheet on
 * every change (the engine also saves it after a successful fill).
 */
import { useCallback, useRef, useState } from "react";
import {
  prepareFill,
  remapField,
  saveMapping,
  type ColumnMapping,
  type ColumnUnit,
  type FieldId,
  type FillDefaults,
  type FillHost,
  type PreparedFill,
} from "../../src/fill";

export interface WorkbookData {
  /** The last successful read, null before the first one. */
  prepared: PreparedFill | null;
  mapping: ColumnMapping;
  defaults: FillDefaults;
  loading: boolean;
  /** Why the last read failed (the host's message). */
  error: unknown;
  read(): Promise<PreparedFill | null>;
  /** Point `field` at `column` (null: unmapped), optionally with the unit its numbers are in. */
  remap(field: FieldId, column: number | null, unit?: ColumnUnit): void;
  setDefaults(defaults: FillDefaults): void;
}

export function useWorkbookData(host: FillHost | null): WorkbookData {
  const [prepared, setPrepared] = useState<PreparedFill | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [defaults, setDefaultsState] = useState<FillDefaults>({});
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The latest values for the save calls, without re-creating callbacks on every keystroke.
  const latest = useRef({ prepared, mapping, defaults });
  latest.current = { prepared, mapping, defaults };

  const persist = useCallback(
    (nextMapping: ColumnMapping, nextDefaults: FillDefaults) => {
      const sheet = latest.current.prepared?.region.sheetName;
      // A failed save loses nothing on the sheet; the fill saves the mapping again when it succeeds.
      if (host && sheet) void saveMapping(host, sheet, nextMapping, nextDefaults).catch(() => undefined);
    },
    [host],
  );

  const read = useCallback(async () => {
    if (!host) return null;
    setLoading(true);
    setError(null);
    try {
      const next = await prepareFill(host);
      setPrepared(next);
      setMapping(next.mapping);
      setDefaultsState(next.defaults);
      return next;
    } catch (caught) {
      setError(caught);
      return null;
    } finally {
      setLoading(false);
    }
  }, [host]);

  const remap = useCallback(
    (field: FieldId, column: number | null, unit?: ColumnUnit) => {
      const current = latest.current;
      const headers = current.prepared?.header?.headers ?? [];
      const next = remapField(current.mapping, field, column, headers, {
        unit,
        unitHint: current.prepared?.header?.unitHint ?? null,
      });
      setMapping(next);
      persist(next, current.defaults);
    },
    [persist],
  );

  const setDefaults = useCallback(
    (next: FillDefaults) => {
      setDefaultsState(next);
      persist(latest.current.mapping, next);
    },
    [persist],
  );

  return { prepared, mapping, defaults, loading, error, read, remap, setDefaults };
}
