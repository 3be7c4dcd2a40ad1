/**
 * The parts of a clause an auditor checks: the quoted text (collapsible), its parameters and
 * conditions, and the rulings/readings XSG applied. Shared by the policy browser and the lookup.
 */
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { Clause } from "../../src/policies/types";
import { READINGS, rulingById } from "../../src/policies";
import { useStrings } from "./i18n";
import { describeAmountReading, describeConditions, describeParams } from "./policyText";

const useStyles = makeStyles({
  details: { marginTop: tokens.spacingVerticalXS },
  summary: {
    cursor: "pointer",
    color: tokens.colorBrandForeground1,
    fontSize: tokens.fontSizeBase200,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  quote: {
    margin: `${tokens.spacingVerticalXS} 0 0 0`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase300,
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
  },
  list: {
    margin: `${tokens.spacingVerticalXS} 0 0 0`,
    paddingLeft: tokens.spacingHorizontalL,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase300,
    overflowWrap: "anywhere",
  },
  heading: { display: "block", marginTop: tokens.spacingVerticalS, color: tokens.colorNeutralForeground2 },
});

/** The verbatim text behind a native <details>: keyboard and screen-reader friendly, closed by default. */
export function QuoteDetails({
  quote,
  documentNumber,
  label,
  open,
}: {
  quote: string;
  documentNumber: string;
  label: string;
  open?: boolean;
}) {
  const strings = useStrings();
  const styles = useStyles();
  return (
    <details className={styles.details} open={open}>
      <summary className={styles.summary}>
        {strings.showQuote}（{documentNumber} {label}）
      </summary>
      <blockquote className={styles.quote} lang="zh-CN">
        {quote}
      </blockquote>
    </details>
  );
}

export function RulingList({ rulings, readings }: { rulings: readonly string[]; readings?: readonly string[] }) {
  const strings = useStrings();
  const styles = useStyles();
  if (rulings.length === 0 && !readings?.length) return null;
  return (
    <>
      <Caption1 className={styles.heading}>{strings.rulingsApplied}</Caption1>
      <ul className={styles.list}>
        {rulings.map((id) => (
          <li key={id}>
            {id} {rulingById(id)?.title ?? ""}
          </li>
        ))}
        {readings?.map((id) => (
          <li key={id}>
            {id} {READINGS.find((reading) => reading.id === id)?.decision ?? ""}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Everything the register says about one clause. */
export function ClauseDetails({ clause, documentNumber }: { clause: Clause; documentNumber: string }) {
  const strings = useStrings();
  const styles = useStyles();
  const params = describeParams(clause, strings);
  const conditions = describeConditions(clause.conditions, strings);
  const reading = describeAmountReading(clause, strings);
  return (
    <div>
      {clause.benefit && <p className={styles.list}>{clause.benefit}</p>}
      <QuoteDetails quote={clause.quote} documentNumber={documentNumber} label={clause.label} />
      {params.length > 0 && (
        <>
          <Caption1 className={styles.heading}>{strings.parameters}</Caption1>
          <ul className={styles.list}>
            {params.map((param, index) => (
              <li key={index}>
                {param.label}：{param.text}
              </li>
            ))}
            {reading && <li>{reading}</li>}
          </ul>
        </>
      )}
      {clause.kind === "unquantified" && <p className={styles.list}>{strings.unquantified}</p>}
      {conditions.length > 0 && (
        <>
          <Caption1 className={styles.heading}>{strings.conditions}</Caption1>
          <ul className={styles.list}>
            {conditions.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      {clause.note && <p className={styles.list}>{clause.note}</p>}
      <RulingList rulings={clause.rulings} readings={clause.readings} />
    </div>
  );
}
