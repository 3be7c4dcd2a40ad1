/**
 * One enterprise as the lookup shows it: the facts read from its row (with their column), then
 * every clause of its region's document — granted with amount, refused with the reason, needing
 * which column, unquantified, not covered, excluded — each citing document, clause and text;
 * non-cash benefits listed separately; the cash total.
 */
import {
  Badge,
  Body1Strong,
  Caption1,
  Card,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
  type BadgeProps,
} from "@fluentui/react-components";
import type { ClauseOutcome, Evaluation } from "../../src";
import { fieldDef, fieldOfErrorField, type ColumnMapping, type LookupResult, type RowFact } from "../../src/fill";
import type { ClauseStatus } from "../../src/model";
import { fmt, type StringKey, type Strings } from "../strings";
import { CategoryBadge } from "./CategoryBadge";
import { QuoteDetails, RulingList } from "./ClauseDetails";
import { columnLetter, formatWan } from "./format";
import { useStrings } from "./i18n";

const STATUS_KEYS: Readonly<Record<ClauseStatus, StringKey>> = {
  granted: "statusGranted",
  "not-eligible": "statusNotEligible",
  "needs-data": "statusNeedsData",
  "not-quantified": "statusNotQuantified",
  "not-covered": "statusNotCovered",
  excluded: "statusExcluded",
};

const STATUS_COLORS: Readonly<Record<ClauseStatus, BadgeProps["color"]>> = {
  granted: "success",
  "not-eligible": "subtle",
  "needs-data": "warning",
  "not-quantified": "informative",
  "not-covered": "subtle",
  excluded: "danger",
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  facts: {
    display: "grid",
    gridTemplateColumns: "minmax(5em, max-content) 1fr",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: "anywhere" },
  source: { display: "block", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
  clauses: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  clauseHead: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS },
  amount: {
    marginLeft: "auto",
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
    whiteSpace: "nowrap",
  },
  reasons: {
    margin: `${tokens.spacingVerticalXXS} 0 0 0`,
    paddingLeft: tokens.spacingHorizontalL,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
  },
  missing: { color: tokens.colorPaletteDarkOrangeForeground1, fontSize: tokens.fontSizeBase200 },
  total: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "baseline",
    paddingTop: tokens.spacingVerticalXS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  totalValue: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  heading: { margin: 0 },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

function factSource(fact: RowFact, left: number, strings: Strings): string {
  if (fact.column !== null) {
    const letter = columnLetter(left + fact.column);
    return fact.header
      ? `${letter} ${fmt(strings.factColumnHeader, { header: fact.header })}`
      : fmt(strings.factColumn, { column: letter });
  }
  if (fact.source === "default") return strings.factFromDefault;
  if (fact.source === "credit-code") return strings.factFromCreditCode;
  if (fact.source === "header") return strings.factFromHeader;
  return strings.factDerived;
}

/** "列“上年营收（万元）”为空" or "上年主营业务收入（表中无此列）": the column an official must fill. */
export function missingText(outcome: ClauseOutcome, mapping: ColumnMapping, strings: Strings): string | null {
  if (outcome.missing.length === 0) return null;
  const names = outcome.missing.map((field) => {
    const id = fieldOfErrorField(field);
    const ref = id ? mapping[id] : undefined;
    if (ref) return fmt(strings.missingMapped, { header: ref.header });
    const label = id ? (strings.lang === "en" ? fieldDef(id).labelEn : fieldDef(id).label) : field;
    return fmt(strings.missingUnmapped, { label });
  });
  return fmt(strings.missingColumn, { fields: names.join("、") });
}

function ClauseItem({
  outcome,
  evaluation,
  mapping,
}: {
  outcome: ClauseOutcome;
  evaluation: Evaluation;
  mapping: ColumnMapping;
}) {
  const strings = useStrings();
  const styles = useStyles();
  const missing = missingText(outcome, mapping, strings);
  const showAmount = outcome.category !== "benefit" && outcome.amountYuan !== null;
  return (
    <li data-clause={outcome.clauseId} data-status={outcome.status}>
      <Card size="small" appearance="outline">
        <div className={styles.clauseHead}>
          <Body1Strong>
            {outcome.label} {outcome.title}
          </Body1Strong>
          <Badge appearance="tint" color={STATUS_COLORS[outcome.status]}>
            {strings[STATUS_KEYS[outcome.status]]}
          </Badge>
          <CategoryBadge category={outcome.category} />
          {showAmount && (
            <span className={styles.amount}>
              {formatWan(outcome.amountYuan as number)} {strings.wanUnit}
            </span>
          )}
        </div>
        {outcome.benefit && <Text size={200}>{outcome.benefit}</Text>}
        {missing && <Text className={styles.missing}>{missing}</Text>}
        {outcome.reasons.length > 0 && (
          <ul className={styles.reasons}>
            {outcome.reasons.map((reason, index) => (
              <li key={index}>{reason}</li>
            ))}
          </ul>
        )}
        <QuoteDetails
          quote={outcome.citation.quote}
          documentNumber={outcome.citation.documentNumber || evaluation.documentNumber}
          label={outcome.citation.label}
        />
        <RulingList rulings={outcome.rulings} readings={outcome.readings} />
      </Card>
    </li>
  );
}

export interface EnterpriseViewProps {
  lookup: LookupResult;
  mapping: ColumnMapping;
  /** Absolute 1-based sheet row. */
  rowNumber: number;
  /** Absolute 0-based column of the region's first column. */
  left: number;
}

export function EnterpriseView({ lookup, mapping, rowNumber, left }: EnterpriseViewProps) {
  const strings = useStrings();
  const styles = useStyles();
  const evaluation = lookup.evaluation;
  const name = lookup.facts.find((fact) => fact.field === "name")?.value;
  const cash = evaluation?.clauses.filter((clause) => clause.category !== "benefit") ?? [];
  const benefits = evaluation?.clauses.filter((clause) => clause.category === "benefit") ?? [];

  return (
    <article className={styles.root} aria-label={name ?? fmt(strings.lookupRow, { row: rowNumber })}>
      <div>
        <Subtitle2 block as="h3" className={styles.heading}>
          {name ?? fmt(strings.lookupRow, { row: rowNumber })}
        </Subtitle2>
        <Caption1 block>{fmt(strings.lookupRow, { row: rowNumber })}</Caption1>
      </div>

      {lookup.errors.map((issue, index) => (
        <MessageBar key={`e${index}`} intent="error" layout="multiline">
          <MessageBarBody>{issue.message}</MessageBarBody>
        </MessageBar>
      ))}
      {lookup.warnings.map((issue, index) => (
        <MessageBar key={`w${index}`} intent="warning" layout="multiline">
          <MessageBarBody>{issue.message}</MessageBarBody>
        </MessageBar>
      ))}
      {lookup.kind !== "enterprise" && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{strings.notEnterpriseRow}</MessageBarBody>
        </MessageBar>
      )}

      {lookup.facts.length > 0 && (
        <section className={styles.section} aria-label={strings.factsTitle}>
          <Subtitle2 block as="h4" className={styles.heading}>
            {strings.factsTitle}
          </Subtitle2>
          <dl className={styles.facts}>
            {lookup.facts.map((fact, index) => (
              <div key={index} style={{ display: "contents" }}>
                <dt className={styles.term}>{fact.label}</dt>
                <dd className={styles.value}>
                  {fact.value || "—"}
                  <span className={styles.source}>{factSource(fact, left, strings)}</span>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      {evaluation && (
        <section className={styles.section} aria-label={strings.clausesTitle}>
          <Subtitle2 block as="h4" className={styles.heading}>
            {strings.clausesTitle}
          </Subtitle2>
          <Caption1 block as="p">
            {fmt(strings.evaluationLine, {
              region: evaluation.regionName,
              document: evaluation.documentNumber,
              year: evaluation.year,
              upgradeYear: evaluation.upgradeYear,
              k: evaluation.k,
            })}
            {evaluation.upgradeYearAssumed ? ` ${strings.upgradeYearAssumed}` : ""}
            {evaluation.cultivation ? ` · ${evaluation.cultivation}` : ""}
          </Caption1>
          {evaluation.notes.map((note, index) => (
            <Caption1 block as="p" key={index}>
              {note}
            </Caption1>
          ))}
          <ul className={styles.clauses}>
            {cash.map((outcome) => (
              <ClauseItem key={outcome.clauseId} outcome={outcome} evaluation={evaluation} mapping={mapping} />
            ))}
          </ul>
          <div className={styles.total}>
            <Text>{strings.lookupTotal}</Text>
            <Text className={styles.totalValue} data-testid="lookup-total">
              {formatWan(evaluation.totalYuan)} {strings.wanUnit}
            </Text>
          </div>
        </section>
      )}

      {benefits.length > 0 && evaluation && (
        <section className={styles.section} aria-label={strings.benefitsTitle}>
          <Subtitle2 block as="h4" className={styles.heading}>
            {strings.benefitsTitle}
          </Subtitle2>
          <ul className={styles.clauses}>
            {benefits.map((outcome) => (
              <ClauseItem key={outcome.clauseId} outcome={outcome} evaluation={evaluation} mapping={mapping} />
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
