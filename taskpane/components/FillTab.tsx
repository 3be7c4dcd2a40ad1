/**
 * 批量填充: read the data, confirm the column mapping, fill the seven output columns with a
 * progress bar and a cancel button, then read the budget summary, write it as a sheet, or undo.
 * All workbook access goes through the host and the fill engine; this component only holds state.
 */
import { useEffect, useRef, useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Field,
  ProgressBar,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  OUTPUT_COLUMNS,
  runFill,
  summaryLayout,
  undoFill,
  type FillHost,
  type FillMode,
  type FillResult,
  type UndoSnapshot,
} from "../../src/fill";
import { fmt, type Strings } from "../strings";
import { ConfirmDialog, useConfirm } from "./ConfirmDialog";
import { percent } from "./format";
import { useStrings } from "./i18n";
import { MappingEditor } from "./MappingEditor";
import { NoticeBar, type Notice } from "./NoticeBar";
import { errorCode, errorText, fillOutcomeText } from "./messages";
import { SummaryCard } from "./SummaryCard";
import type { WorkbookData } from "./useWorkbookData";
import { regionProblem, WholeSheetDefaults, yearInput } from "./WholeSheetDefaults";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  progressText: { fontVariantNumeric: "tabular-nums" },
});

interface Progress {
  done: number;
  total: number;
}

function headerMerged(workbook: WorkbookData): boolean {
  const prepared = workbook.prepared;
  if (!prepared?.header || !prepared.region.mergedAreas) return false;
  const row = prepared.region.top + prepared.header.headerRow;
  return prepared.region.mergedAreas.some((area) => area.top <= row && row < area.top + area.rows);
}

function readNotice(workbook: WorkbookData, strings: Strings): Notice | null {
  if (workbook.error) return { intent: "error", title: strings.errorTitle, text: errorText(workbook.error, strings) };
  const prepared = workbook.prepared;
  if (!prepared) return null;
  if (!prepared.header) return { intent: "warning", text: strings.noData };
  if (prepared.region.protected) {
    return {
      intent: "error",
      title: strings.protectedTitle,
      text: fmt(strings.protectedBody, { sheet: prepared.region.sheetName }),
    };
  }
  if (headerMerged(workbook)) return { intent: "error", title: strings.mergedTitle, text: strings.mergedBody };
  return null;
}

export function FillTab({ host, workbook }: { host: FillHost; workbook: WorkbookData }) {
  const strings = useStrings();
  const styles = useStyles();
  const confirm = useConfirm();
  const [mode, setMode] = useState<FillMode>("values");
  const [regionText, setRegionText] = useState("");
  const [yearText, setYearText] = useState("");
  const [mappingOpen, setMappingOpen] = useState(true);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [busy, setBusy] = useState<"fill" | "undo" | "summary" | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [result, setResult] = useState<FillResult | null>(null);
  const [undo, setUndo] = useState<UndoSnapshot | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const abort = useRef<AbortController | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  /** Set when an action ends: focus then moves to its outcome (the start button was disabled meanwhile). */
  const focusOutcome = useRef(false);

  const { prepared, mapping, defaults } = workbook;

  // Show the remembered whole-sheet values when a read restores them.
  useEffect(() => {
    setRegionText(defaults.region ?? "");
    setYearText(defaults.year ? String(defaults.year) : "");
    // Only when a new read arrives (defaults are deliberately not a dependency: not while the official types).
  }, [prepared]);

  // Keyboard and screen-reader users follow the work: 取消 while filling, then the outcome.
  useEffect(() => {
    if (busy === "fill") cancelRef.current?.focus();
    if (busy === null && focusOutcome.current) {
      focusOutcome.current = false;
      (summaryRef.current ?? noticeRef.current)?.focus();
    }
  }, [busy, result]);

  const year = yearInput(yearText);
  const regionError = regionProblem(regionText);
  const yearError = year === undefined ? strings.yearInvalid : null;
  const commitDefaults = () => {
    if (regionError || yearError) return;
    const next = { region: regionText.trim() || null, year: year ?? null };
    if (next.region !== (defaults.region ?? null) || next.year !== (defaults.year ?? null)) workbook.setDefaults(next);
  };

  const readNow = async () => {
    setNotice(null);
    setResult(null);
    setMappingOpen(true);
    await workbook.read();
  };

  const startFill = async () => {
    if (regionError || yearError) return;
    const controller = new AbortController();
    abort.current = controller;
    setBusy("fill");
    setCancelling(false);
    setNotice(null);
    setResult(null);
    setProgress({ done: 0, total: 0 });
    const fillDefaults = { region: regionText.trim() || null, year: year ?? null };
    try {
      const outcome = await runFill(
        host,
        { mapping, defaults: fillDefaults, mode },
        {
          signal: controller.signal,
          onProgress: (done, total) => setProgress({ done, total }),
          confirmOverwrite: (conflicts) => confirm.ask(strings.overwriteTitle, conflicts),
        },
      );
      if (outcome.declined) {
        setNotice({ intent: "info", text: strings.lang === "zh" ? outcome.message : strings.fillDeclined });
        return;
      }
      setResult(outcome);
      if (outcome.undo) setUndo(outcome.undo);
      setMappingOpen(false);
      setNotice({ intent: outcome.cancelled ? "warning" : "success", text: fillOutcomeText(outcome, strings) });
    } catch (error) {
      // A write that failed midway still leaves an undo snapshot of what it wrote.
      const partial = (error as { partial?: FillResult }).partial;
      if (partial?.undo) setUndo(partial.undo);
      const code = errorCode(error);
      const title =
        code === "protected" ? strings.protectedTitle : code === "merged" ? strings.mergedTitle : strings.errorTitle;
      setNotice({ intent: "error", title, text: errorText(error, strings) });
    } finally {
      abort.current = null;
      focusOutcome.current = true;
      setBusy(null);
      setProgress(null);
    }
  };

  const cancelFill = () => {
    setCancelling(true);
    abort.current?.abort();
  };

  const undoNow = async () => {
    if (!undo) return;
    setBusy("undo");
    setNotice(null);
    try {
      const outcome = await undoFill(host, undo, {
        onProgress: (done, total) => setProgress({ done, total }),
        confirmOverwrite: (changes) => confirm.ask(strings.undoConfirmTitle, changes),
      });
      if (outcome.declined) {
        setNotice({ intent: "info", text: strings.lang === "zh" ? outcome.message : strings.undoDeclined });
        return;
      }
      setUndo(null);
      setResult(null);
      setNotice({ intent: "success", text: strings.lang === "zh" ? outcome.message : strings.undoDone });
    } catch (error) {
      setNotice({
        intent: "error",
        title: strings.errorTitle,
        text: fmt(strings.undoFailed, { message: errorText(error, strings) }),
      });
    } finally {
      focusOutcome.current = true;
      setBusy(null);
      setProgress(null);
    }
  };

  const writeSummary = async () => {
    if (!result) return;
    setBusy("summary");
    try {
      const sheet = await host.writeSummarySheet(summaryLayout(result.summary, { sourceSheet: result.sheetName }));
      setNotice({ intent: "success", text: fmt(strings.summaryWritten, { sheet }) });
    } catch (error) {
      setNotice({ intent: "error", title: strings.errorTitle, text: errorText(error, strings) });
    } finally {
      setBusy(null);
    }
  };

  const header = prepared?.header ?? null;
  const region = prepared?.region ?? null;
  const blocked = Boolean(region?.protected) || headerMerged(workbook);
  const canFill = Boolean(header) && !busy && !workbook.loading && !blocked && !regionError && !yearError;
  const needsRegion = Boolean(header) && !mapping.region && !mapping.creditCode && regionText.trim() === "";
  const needsYear = Boolean(header) && !mapping.year && !mapping.revenue?.headerYear && yearText.trim() === "";
  const readIssue = readNotice(workbook, strings);

  return (
    <div className={styles.root}>
      <div className={styles.row}>
        <Button
          appearance={header ? "secondary" : "primary"}
          onClick={readNow}
          disabled={workbook.loading || busy !== null}
        >
          {workbook.loading ? strings.reading : strings.readData}
        </Button>
      </div>

      {region && header && (
        <Text size={200} role="status">
          {fmt(region.isTable && region.tableName ? strings.dataFoundTable : strings.dataFound, {
            sheet: region.sheetName,
            table: region.tableName ?? "",
            headerRow: region.top + header.headerRow + 1,
            rows: Math.max(0, region.rowCount - header.headerRow - 1),
          })}
          {prepared?.restored ? ` ${strings.mappingRemembered}` : ""}
        </Text>
      )}
      {readIssue && <NoticeBar notice={readIssue} />}

      {header && region && (
        <Accordion
          collapsible
          openItems={mappingOpen ? ["mapping"] : []}
          onToggle={(_, data) => setMappingOpen(data.openItems.includes("mapping"))}
        >
          <AccordionItem value="mapping">
            <AccordionHeader size="small">
              {strings.mappingTitle}（{fmt(strings.mappedCount, { mapped: Object.keys(mapping).length })}）
            </AccordionHeader>
            <AccordionPanel>
              <Caption1 block as="p">
                {strings.mappingHint}
              </Caption1>
              <MappingEditor headers={header.headers} left={region.left} mapping={mapping} onRemap={workbook.remap} />
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}

      {header && (
        <section className={styles.section} aria-label={strings.wholeSheetTitle}>
          {needsRegion && <NoticeBar notice={{ intent: "warning", text: strings.mappingMissingRegion }} />}
          {needsYear && <NoticeBar notice={{ intent: "warning", text: strings.mappingMissingYear }} />}
          <WholeSheetDefaults
            showRegion={!mapping.region || regionText !== ""}
            showYear={!mapping.year || yearText !== ""}
            regionMapped={Boolean(mapping.region)}
            regionText={regionText}
            yearText={yearText}
            regionError={regionError}
            yearError={yearError}
            onRegionChange={setRegionText}
            onYearChange={setYearText}
            onCommit={commitDefaults}
          />
          <Field label={strings.outputMode}>
            <RadioGroup value={mode} onChange={(_, data) => setMode(data.value as FillMode)}>
              <Radio value="values" label={strings.outputValues} />
              <Radio value="formulas" label={strings.outputFormulas} />
            </RadioGroup>
          </Field>
          <Caption1>{fmt(strings.outputColumnsNote, { columns: OUTPUT_COLUMNS.join("、") })}</Caption1>
          <div className={styles.row}>
            <Button appearance="primary" onClick={startFill} disabled={!canFill}>
              {strings.startFill}
            </Button>
            {busy === "fill" && (
              <Button ref={cancelRef} onClick={cancelFill} disabled={cancelling}>
                {cancelling ? strings.cancelling : strings.cancel}
              </Button>
            )}
          </div>
        </section>
      )}

      {progress && (
        <Field label={busy === "undo" ? strings.undoing : strings.fillProgressLabel}>
          <ProgressBar
            value={progress.total > 0 ? progress.done / progress.total : undefined}
            aria-valuetext={`${percent(progress.done, progress.total)}%`}
          />
        </Field>
      )}
      {/* Announced by screen readers as blocks complete. */}
      <Text size={200} className={styles.progressText} role="status" aria-live="polite">
        {progress && progress.total > 0
          ? fmt(strings.fillProgress, { done: progress.done, total: progress.total })
          : ""}
      </Text>

      {notice && (
        <div ref={noticeRef} tabIndex={-1}>
          <NoticeBar notice={notice} />
        </div>
      )}

      {result && (
        <div ref={summaryRef} tabIndex={-1} aria-label={strings.summaryTitle}>
          <SummaryCard summary={result.summary}>
            <Button appearance="primary" onClick={writeSummary} disabled={busy !== null || result.summary.rows === 0}>
              {busy === "summary" ? strings.writingSummary : strings.writeSummary}
            </Button>
            <Button onClick={undoNow} disabled={busy !== null || !undo}>
              {busy === "undo" ? strings.undoing : strings.undoFill}
            </Button>
          </SummaryCard>
        </div>
      )}
      {!result && undo && (
        <div className={styles.row}>
          <Button onClick={undoNow} disabled={busy !== null}>
            {busy === "undo" ? strings.undoing : strings.undoFill}
          </Button>
        </div>
      )}

      <ConfirmDialog
        pending={confirm.pending}
        note={strings.lang === "en" ? strings.overwriteNote : undefined}
        confirmText={strings.overwriteConfirm}
        cancelText={strings.overwriteCancel}
        onAnswer={confirm.answer}
      />
    </div>
  );
}
