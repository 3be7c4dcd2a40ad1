/**
 * 资格查询: follows the selection (host.onSelectionChanged) or a search by name / credit code,
 * and shows that row's enterprise clause by clause. The row is re-read from the sheet on each
 * look-up (one round trip) so an edit the official just made is reflected.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  SearchBox,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  findRows,
  lookupEnterprise,
  type CellValue,
  type FillHost,
  type FoundRow,
  type LookupResult,
  type SelectedCell,
} from "../../src/fill";
import { fmt } from "../strings";
import { EnterpriseView } from "./EnterpriseView";
import { formatWan } from "./format";
import { useStrings } from "./i18n";
import { errorText } from "./messages";
import type { WorkbookData } from "./useWorkbookData";

const MAX_RESULTS = 20;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  results: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  result: { justifyContent: "flex-start", textAlign: "start", width: "100%", minWidth: 0 },
  resultText: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});

/** One short sentence for screen readers when the shown enterprise changes (the card itself is not live). */
function announcement(shown: Shown, strings: ReturnType<typeof useStrings>): string {
  const name = shown.lookup.facts.find((fact) => fact.field === "name")?.value ?? "—";
  const total = shown.lookup.evaluation ? formatWan(shown.lookup.evaluation.totalYuan) : "—";
  return fmt(strings.lookupAnnounce, { row: shown.rowNumber, name, total });
}

interface Shown {
  /** Absolute 1-based sheet row. */
  rowNumber: number;
  lookup: LookupResult;
}

type Status =
  { kind: "idle" } | { kind: "loading" } | { kind: "message"; text: string } | { kind: "shown"; shown: Shown };

export function LookupTab({ host, workbook, active }: { host: FillHost; workbook: WorkbookData; active: boolean }) {
  const strings = useStrings();
  const styles = useStyles();
  const [query, setQuery] = useState("");
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const requestId = useRef(0);
  const { prepared, mapping, defaults } = workbook;
  const header = prepared?.header ?? null;
  const region = prepared?.region ?? null;

  // First visit without data: read it (the same read the fill tab does).
  const triedRead = useRef(false);
  useEffect(() => {
    if (active && !prepared && !workbook.loading && !triedRead.current) {
      triedRead.current = true;
      void workbook.read();
    }
  }, [active, prepared, workbook]);

  /** Look up absolute sheet row `row` (0-based); stale answers of earlier requests are dropped. */
  const showRow = useCallback(
    async (row: number, sheetName: string) => {
      if (!region || !header) return;
      const id = ++requestId.current;
      const relative = row - region.top;
      if (sheetName !== region.sheetName || relative <= header.headerRow || relative >= region.rowCount) {
        setStatus({ kind: "message", text: strings.noRowSelected });
        return;
      }
      setStatus({ kind: "loading" });
      let values: readonly CellValue[] = region.values[relative] ?? [];
      try {
        const fresh = await host.readValues(region.sheetName, {
          top: row,
          left: region.left,
          rows: 1,
          columns: region.columnCount,
        });
        if (fresh[0]) values = fresh[0];
      } catch {
        // The values read with the region are still a faithful answer; keep them.
      }
      if (id !== requestId.current) return;
      const lookup = lookupEnterprise([values], mapping, 0, defaults);
      setStatus({ kind: "shown", shown: { rowNumber: row + 1, lookup } });
    },
    [host, region, header, mapping, defaults, strings],
  );

  // Follow the selection while the tab is visible.
  useEffect(() => {
    if (!active || !region || !header) return;
    let unsubscribe: (() => Promise<void>) | null = null;
    let disposed = false;
    const follow = (cell: SelectedCell) => {
      if (!disposed) void showRow(cell.row, cell.sheetName);
    };
    void host
      .getSelectedRow()
      .then((cell) => cell && follow(cell))
      .catch(() => undefined);
    void host
      .onSelectionChanged(follow)
      .then((off) => {
        if (disposed) void off().catch(() => undefined);
        else unsubscribe = off;
      })
      .catch(() => undefined);
    return () => {
      disposed = true;
      if (unsubscribe) void unsubscribe().catch(() => undefined);
    };
  }, [active, host, region, header, showRow]);

  const results: FoundRow[] =
    region && header && query.trim() !== ""
      ? findRows(region.values, mapping, query, { headerRow: header.headerRow, limit: MAX_RESULTS })
      : [];

  if (!header || !region) {
    return (
      <div className={styles.root}>
        {workbook.loading ? (
          <Spinner size="tiny" label={strings.reading} />
        ) : (
          <>
            <Caption1>{strings.lookupNeedsData}</Caption1>
            {workbook.error ? (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>{errorText(workbook.error, strings)}</MessageBarBody>
              </MessageBar>
            ) : null}
            <div>
              <Button appearance="primary" onClick={() => void workbook.read()}>
                {strings.readData}
              </Button>
            </div>
          </>
        )}
      </div>
    );
  }

  return (
    <div className={styles.root}>
      <Caption1>{strings.followSelection}</Caption1>
      <Field label={strings.searchLabel}>
        <SearchBox
          value={query}
          placeholder={strings.searchPlaceholder}
          onChange={(_, data) => setQuery(data.value)}
          // Only while the list exists: aria-controls must name an element that is there.
          aria-controls={query.trim() !== "" ? "xsg-search-results" : undefined}
        />
      </Field>
      {query.trim() !== "" && (
        <div>
          <Caption1 role="status" aria-live="polite">
            {results.length > 0 ? fmt(strings.searchResults, { count: results.length }) : strings.searchNoResult}
          </Caption1>
          <ul id="xsg-search-results" className={styles.results}>
            {results.map((found) => (
              <li key={found.row}>
                <Button
                  appearance="subtle"
                  size="small"
                  className={styles.result}
                  onClick={() => void showRow(region.top + found.row, region.sheetName)}
                >
                  <span className={styles.resultText}>
                    {fmt(strings.lookupRow, { row: region.top + found.row + 1 })} · {found.name || "—"}
                    {found.creditCode ? ` · ${found.creditCode}` : ""}
                  </span>
                </Button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div role="status" aria-live="polite" className={styles.visuallyHidden}>
        {status.kind === "shown" ? announcement(status.shown, strings) : status.kind === "message" ? status.text : ""}
      </div>
      <div aria-busy={status.kind === "loading"}>
        {status.kind === "loading" && <Spinner size="tiny" />}
        {status.kind === "message" && <Caption1>{status.text}</Caption1>}
        {status.kind === "shown" && (
          <EnterpriseView
            lookup={status.shown.lookup}
            mapping={mapping}
            rowNumber={status.shown.rowNumber}
            left={region.left}
          />
        )}
      </div>
    </div>
  );
}
