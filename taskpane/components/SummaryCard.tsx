/**
 * The summary after a fill: counts, then the total award by year and by clause — the budget an
 * official must request — with the buttons to write it as a sheet or undo the fill.
 */
import type { ReactNode } from "react";
import { Card, CardHeader, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ClauseTotal, FillSummary } from "../../src/fill";
import { fmt } from "../strings";
import { formatWan } from "./format";
import { useStrings } from "./i18n";

const useStyles = makeStyles({
  counts: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(3.2em, 1fr))",
    gap: tokens.spacingHorizontalS,
    margin: 0,
  },
  count: { display: "flex", flexDirection: "column-reverse", margin: 0 },
  countLabel: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  countValue: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "anywhere",
  },
  total: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "baseline",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalXS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  totalValue: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  caption: { textAlign: "start", fontWeight: tokens.fontWeightSemibold, paddingBlock: tokens.spacingVerticalXS },
  cell: {
    padding: `2px ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    verticalAlign: "top",
  },
  amount: { textAlign: "end", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  group: {
    textAlign: "start",
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    paddingTop: tokens.spacingVerticalS,
  },
  clauseName: { textAlign: "start", fontWeight: tokens.fontWeightRegular },
  clauseCount: { color: tokens.colorNeutralForeground3, marginLeft: tokens.spacingHorizontalXS, whiteSpace: "nowrap" },
});

interface DocumentGroup {
  regionName: string;
  documentNumber: string;
  clauses: ClauseTotal[];
}

function groupByDocument(clauses: readonly ClauseTotal[]): DocumentGroup[] {
  const groups = new Map<string, DocumentGroup>();
  for (const clause of clauses) {
    let group = groups.get(clause.documentNumber);
    if (!group) {
      group = { regionName: clause.regionName, documentNumber: clause.documentNumber, clauses: [] };
      groups.set(clause.documentNumber, group);
    }
    group.clauses.push(clause);
  }
  return [...groups.values()];
}

export function SummaryCard({ summary, children }: { summary: FillSummary; children?: ReactNode }) {
  const strings = useStrings();
  const styles = useStyles();
  const counts: [string, number][] = [
    [strings.summaryRows, summary.rows],
    [strings.summaryFilled, summary.filled],
    [strings.summaryEligible, summary.eligible],
    [strings.summaryNeedsData, summary.needsData],
    [strings.summaryErrors, summary.errors],
  ];
  return (
    <Card aria-label={strings.summaryTitle} size="small">
      <CardHeader
        header={
          <Subtitle2 block as="h3">
            {strings.summaryTitle}
          </Subtitle2>
        }
      />
      <dl className={styles.counts}>
        {counts.map(([label, value]) => (
          <div key={label} className={styles.count}>
            <dt className={styles.countLabel}>{label}</dt>
            <dd className={styles.countValue}>{value.toLocaleString("en-US")}</dd>
          </div>
        ))}
      </dl>
      <div className={styles.total}>
        <Text>{strings.summaryTotal}</Text>
        <Text className={styles.totalValue} data-testid="summary-total">
          {formatWan(summary.totalYuan)} {strings.wanUnit}
        </Text>
      </div>
      {summary.byYear.length > 0 && (
        <table className={styles.table}>
          <caption className={styles.caption}>
            {strings.summaryByYear}（{strings.wanUnit}）
          </caption>
          <tbody>
            {summary.byYear.map((entry) => (
              <tr key={entry.year}>
                <th scope="row" className={`${styles.cell} ${styles.clauseName}`}>
                  {fmt(strings.summaryYear, { year: entry.year })}
                </th>
                <td className={`${styles.cell} ${styles.amount}`}>{formatWan(entry.yuan)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {summary.byClause.length > 0 && (
        <table className={styles.table}>
          <caption className={styles.caption}>
            {strings.summaryByClause}（{strings.wanUnit}）
          </caption>
          {/* Grouped by document: clause labels such as “（一）” only mean something within one document. */}
          {groupByDocument(summary.byClause).map((group) => (
            <tbody key={group.documentNumber}>
              <tr>
                <th scope="rowgroup" colSpan={2} className={`${styles.cell} ${styles.group}`}>
                  {group.regionName} · {group.documentNumber}
                </th>
              </tr>
              {group.clauses.map((entry) => (
                <tr key={entry.clauseId}>
                  <th scope="row" className={`${styles.cell} ${styles.clauseName}`}>
                    {entry.label} {entry.title}
                    <span className={styles.clauseCount}>
                      {fmt(strings.summaryClauseCount, { count: entry.count })}
                    </span>
                  </th>
                  <td className={`${styles.cell} ${styles.amount}`}>{formatWan(entry.yuan)}</td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      )}
      {children && <div className={styles.actions}>{children}</div>}
    </Card>
  );
}
