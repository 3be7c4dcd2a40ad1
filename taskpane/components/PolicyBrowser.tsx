/**
 * 政策浏览: pick a region, read its document's metadata and every clause with its quote,
 * parameters, conditions and the rulings applied. Needs only the policy core, so it also
 * works outside Excel. Lists the documents of the active catalog; where the host can keep
 * them (PolicyStore), the official imports documents here (PolicyImport).
 */
import { memo, useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1Strong,
  Caption1,
  Dropdown,
  Field,
  Option,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { activeCatalog, documentLabel, type PolicyCatalog } from "../../src/policies";
import type { Policy } from "../../src/policies/types";
import { fmt } from "../strings";
import { CategoryBadge } from "./CategoryBadge";
import { ClauseDetails, QuoteDetails, RulingList } from "./ClauseDetails";
import { useStrings } from "./i18n";
import { PolicyImport } from "./PolicyImport";
import { describeCoveredYears, describeInForce, formatQuantity } from "./policyText";
import { usePolicyStore } from "./policyStore";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  meta: {
    display: "grid",
    gridTemplateColumns: "minmax(4.5em, max-content) 1fr",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase300,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: "anywhere" },
  note: { display: "block", color: tokens.colorNeutralForeground3 },
  clauseHeader: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
  clauseTitle: { textAlign: "start" },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  clausePanel: {
    marginLeft: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalM,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `2px solid ${tokens.colorBrandStroke2}`,
  },
});

/** Memoised: it depends on no workbook state, so fills and lookups do not re-render 13 accordions. */
export const PolicyBrowser = memo(function PolicyBrowser({ initialRegion }: { initialRegion?: string }) {
  const strings = useStrings();
  const styles = useStyles();
  const store = usePolicyStore();
  const [catalog, setCatalog] = useState<PolicyCatalog>(activeCatalog);
  const documents = catalog.documents;
  const [documentId, setDocumentId] = useState<string>(initialRegion ?? documents[0]?.id ?? "");
  const policy =
    documents.find((candidate) => candidate.id === documentId) ??
    documents.find((candidate) => candidate.regionId === documentId);
  const optionText = (candidate: Policy) =>
    candidate.importedFrom !== undefined || catalog.region(candidate.regionId).documents.length > 1
      ? `${candidate.regionName} · ${documentLabel(candidate)}`
      : candidate.regionName;

  return (
    <div className={styles.root}>
      {store && (
        <PolicyImport
          store={store}
          onCatalogChange={(next, show) => {
            setCatalog(next);
            if (show) setDocumentId(show.id);
          }}
        />
      )}
      <Field label={strings.regionLabel}>
        <Dropdown
          placeholder={strings.regionPlaceholder}
          value={policy ? optionText(policy) : ""}
          selectedOptions={policy ? [policy.id] : []}
          onOptionSelect={(_, data) => data.optionValue && setDocumentId(data.optionValue)}
        >
          {documents.map((candidate) => (
            <Option key={candidate.id} value={candidate.id} text={optionText(candidate)}>
              {optionText(candidate)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {policy && <PolicyView policy={policy} />}
    </div>
  );
});

function PolicyView({ policy }: { policy: Policy }) {
  const strings = useStrings();
  const styles = useStyles();
  return (
    <>
      <dl className={styles.meta} aria-label={policy.title}>
        <dt className={styles.term}>{strings.documentNumber}</dt>
        <dd className={styles.value}>{documentLabel(policy)}</dd>
        <dt className={styles.term}>{strings.documentTitle}</dt>
        <dd className={styles.value}>《{policy.title}》</dd>
        <dt className={styles.term}>{strings.issuer}</dt>
        <dd className={styles.value}>{policy.issuer}</dd>
        <dt className={styles.term}>{strings.docStatus}</dt>
        <dd className={styles.value}>
          <Badge appearance="tint" color={policy.status === "正式" ? "success" : "warning"}>
            {policy.status === "正式" ? strings.statusFormal : strings.statusDraft}
          </Badge>
        </dd>
        <dt className={styles.term}>{strings.issueDate}</dt>
        <dd className={styles.value}>{policy.issueDate ?? strings.notStated}</dd>
        <dt className={styles.term}>{strings.inForce}</dt>
        <dd className={styles.value}>
          {describeInForce(policy, strings)}
          <Caption1 className={styles.note}>{policy.inForce.note}</Caption1>
        </dd>
        <dt className={styles.term}>{strings.coveredYears}</dt>
        <dd className={styles.value}>
          {describeCoveredYears(policy, strings)}
          <Caption1 className={styles.note}>{policy.coveredUpgradeYears.note}</Caption1>
        </dd>
        <dt className={styles.term}>{strings.stacking}</dt>
        <dd className={styles.value}>
          {policy.stacking.rule}
          {policy.stacking.quote && (
            <QuoteDetails
              quote={policy.stacking.quote}
              documentNumber={policy.documentNumber}
              label={policy.stacking.label ?? ""}
            />
          )}
        </dd>
        {policy.basis.length > 0 && (
          <>
            <dt className={styles.term}>{strings.basis}</dt>
            <dd className={styles.value}>{policy.basis.join("；")}</dd>
          </>
        )}
        {policy.cultivationPool && (
          <>
            <dt className={styles.term}>{strings.cultivationPool}</dt>
            <dd className={styles.value}>
              {policy.cultivationPool.label}：{policy.cultivationPool.figure} ≥{" "}
              {formatQuantity(policy.cultivationPool.min)}
              {policy.cultivationPool.below && `，< ${formatQuantity(policy.cultivationPool.below)}`}
              <QuoteDetails
                quote={policy.cultivationPool.quote}
                documentNumber={policy.documentNumber}
                label={policy.cultivationPool.label}
              />
            </dd>
          </>
        )}
      </dl>

      {policy.exclusions.length > 0 && (
        <section className={styles.section} aria-label={strings.exclusions}>
          <Subtitle2 block as="h3">
            {strings.exclusions}
          </Subtitle2>
          {policy.exclusions.map((exclusion) => (
            <div key={exclusion.id}>
              <Body1Strong>{exclusion.label}</Body1Strong>：{exclusion.tags.join("、")}
              {exclusion.allowedClauses.length > 0 &&
                `（${fmt(strings.exclusionAllows, { clauses: clauseLabels(policy, exclusion.allowedClauses) })}）`}
              <QuoteDetails quote={exclusion.quote} documentNumber={policy.documentNumber} label={exclusion.label} />
              <RulingList rulings={exclusion.rulings} />
            </div>
          ))}
        </section>
      )}

      <section className={styles.section} aria-label={fmt(strings.clauses, { count: policy.clauses.length })}>
        <Subtitle2 block as="h3">
          {fmt(strings.clauses, { count: policy.clauses.length })}
        </Subtitle2>
        <Accordion multiple collapsible>
          {policy.clauses.map((clause) => (
            <AccordionItem key={clause.id} value={clause.id}>
              <AccordionHeader size="small">
                <span className={styles.clauseHeader}>
                  <span className={styles.clauseTitle}>
                    {clause.label} {clause.title}
                  </span>
                  <CategoryBadge category={clause.category} />
                </span>
              </AccordionHeader>
              <AccordionPanel className={styles.clausePanel}>
                <ClauseDetails clause={clause} documentNumber={policy.documentNumber} />
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      </section>
    </>
  );
}

/** "（一）、（二）" for the clause ids an exclusion still allows. */
function clauseLabels(policy: Policy, ids: readonly string[]): string {
  const labels = ids.map((id) => policy.clauses.find((clause) => clause.id === id)?.label ?? id);
  return [...new Set(labels)].join("、");
}
