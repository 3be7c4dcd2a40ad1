/**
 * The offline page (standalone.html): open an .xlsx/.csv from this PC, then the taskpane's own
 * App — the same 批量填充 / 资格查询 / 政策浏览 components — over an XlsxFillHost, and download the
 * filled workbook. No office.js, no network: it works from the intranet server and from file://.
 */
import { useCallback, useMemo, useRef, useState, type DragEvent } from "react";
import {
  Body1,
  Button,
  Caption1,
  Dropdown,
  Field,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Spinner,
  Title2,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { App } from "../App";
import { openWorkbookSteps, WorkbookOpenError } from "../file/open";
import { finishInSlices } from "../file/xlsx/steps";
import { XlsxFillHost } from "../file/xlsx-fill-host";
import { fmt, type Language } from "../strings";
import { downloadBytes, filledFileName, localSettings, readFileBytes } from "./browser-file";
import { standaloneStrings } from "./strings";

const useStyles = makeStyles({
  page: {
    maxWidth: "760px",
    margin: "0 auto",
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    boxSizing: "border-box",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  toolbar: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
  fileName: { fontWeight: tokens.fontWeightSemibold, wordBreak: "break-all" },
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: tokens.spacingVerticalXXL,
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    rowGap: tokens.spacingVerticalM,
    textAlign: "center",
  },
  dropActive: {
    borderTopColor: tokens.colorBrandStroke1,
    borderRightColor: tokens.colorBrandStroke1,
    borderBottomColor: tokens.colorBrandStroke1,
    borderLeftColor: tokens.colorBrandStroke1,
    backgroundColor: tokens.colorBrandBackground2,
  },
  hiddenInput: { display: "none" },
  app: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
});

interface OpenedFile {
  readonly name: string;
  readonly host: XlsxFillHost;
  readonly sheets: readonly string[];
  /** Changes with every file and sheet choice, so the App below starts fresh. */
  readonly session: number;
}

type Status = { intent: "info" | "success" | "error"; title?: string; text: string } | null;

export interface StandaloneAppProps {
  readonly language?: Language;
}

let sessions = 0;

export function StandaloneApp({ language = "zh" }: StandaloneAppProps) {
  const strings = standaloneStrings(language);
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [opened, setOpened] = useState<OpenedFile | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [dragging, setDragging] = useState(false);

  const open = useCallback(
    async (file: File) => {
      setBusy(fmt(strings.opening, { file: file.name }));
      setStatus(null);
      try {
        const bytes = await readFileBytes(file);
        // In time slices: the page keeps painting (and the percentage moves) while a big file is read.
        const workbook = await finishInSlices(openWorkbookSteps(bytes, file.name), (fraction) =>
          setBusy(fmt(strings.openingProgress, { file: file.name, percent: Math.floor(fraction * 100) })),
        );
        const host = new XlsxFillHost(workbook, { settings: localSettings(file.name) });
        const sheets = workbook.sheets.filter((s) => s.state === "visible" && s.part !== null).map((s) => s.name);
        setOpened({ name: file.name, host, sheets, session: ++sessions });
        setStatus({ intent: "success", text: fmt(strings.opened, { file: file.name, sheets: sheets.length }) });
      } catch (error) {
        const text = error instanceof WorkbookOpenError || error instanceof Error ? error.message : String(error);
        setStatus({ intent: "error", title: strings.openFailed, text });
      } finally {
        setBusy(null);
      }
    },
    [strings],
  );

  const chooseSheet = useCallback(
    async (name: string) => {
      if (!opened || opened.host.activeSheetName === name) return;
      // A big sheet not read yet is indexed in time slices, like the file itself.
      setBusy(fmt(strings.opening, { file: name }));
      try {
        await finishInSlices(opened.host.workbook.gridSteps(name), (fraction) =>
          setBusy(fmt(strings.openingProgress, { file: name, percent: Math.floor(fraction * 100) })),
        );
        opened.host.activateSheet(name);
        setOpened({ ...opened, session: ++sessions });
      } catch (error) {
        setStatus({
          intent: "error",
          title: strings.openFailed,
          text: error instanceof Error ? error.message : String(error),
        });
      } finally {
        setBusy(null);
      }
    },
    [opened, strings],
  );

  const download = useCallback(async () => {
    if (!opened) return;
    const name = filledFileName(opened.name);
    setBusy(strings.downloading);
    try {
      const bytes = await finishInSlices(opened.host.workbook.saveSteps(), (fraction) =>
        setBusy(fmt(strings.downloadingProgress, { percent: Math.floor(fraction * 100) })),
      );
      downloadBytes(bytes, name);
      setStatus({ intent: "success", text: fmt(strings.downloaded, { file: name }) });
    } catch (error) {
      setStatus({
        intent: "error",
        text: fmt(strings.downloadFailed, { message: error instanceof Error ? error.message : String(error) }),
      });
    } finally {
      setBusy(null);
    }
  }, [opened, strings]);

  const onDrop = useCallback(
    (event: DragEvent<HTMLElement>) => {
      event.preventDefault();
      setDragging(false);
      const file = event.dataTransfer.files?.[0];
      if (file) void open(file);
    },
    [open],
  );

  const dropHandlers = useMemo(
    () => ({
      onDragOver: (event: DragEvent<HTMLElement>) => {
        event.preventDefault();
        setDragging(true);
      },
      onDragLeave: () => setDragging(false),
      onDrop,
    }),
    [onDrop],
  );

  return (
    <FluentProvider theme={webLightTheme} lang={language === "zh" ? "zh-CN" : "en"}>
      <main className={styles.page} {...dropHandlers}>
        <header className={styles.header}>
          <Title2 as="h1">{strings.pageTitle}</Title2>
          <Body1>{strings.pageSubtitle}</Body1>
          <Caption1>{strings.privacy}</Caption1>
        </header>

        <input
          ref={input}
          id="xsg-file-input"
          className={styles.hiddenInput}
          type="file"
          accept=".xlsx,.xlsm,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          aria-label={strings.fileInputLabel}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = ""; // choosing the same file again must reopen it
            if (file) void open(file);
          }}
        />

        {opened && (
          <div className={styles.toolbar}>
            <Button onClick={() => input.current?.click()} disabled={busy !== null}>
              {strings.openAnother}
            </Button>
            <Body1 className={styles.fileName}>{opened.name}</Body1>
            {opened.sheets.length > 1 && (
              <Field label={strings.sheetLabel}>
                <Dropdown
                  value={opened.host.activeSheetName}
                  selectedOptions={[opened.host.activeSheetName]}
                  onOptionSelect={(_, data) => data.optionValue && void chooseSheet(data.optionValue)}
                  disabled={busy !== null}
                >
                  {opened.sheets.map((name) => (
                    <Option key={name} value={name}>
                      {name}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
            )}
            <Button appearance="primary" onClick={() => void download()} disabled={busy !== null} id="xsg-download">
              {strings.download}
            </Button>
          </div>
        )}
        {opened && <Caption1>{strings.downloadNote}</Caption1>}

        {busy && <Spinner size="small" label={busy} labelPosition="after" />}
        {status && (
          <MessageBar intent={status.intent} role={status.intent === "error" ? "alert" : "status"}>
            <MessageBarBody>
              {status.title && <MessageBarTitle>{status.title}</MessageBarTitle>}
              {status.text}
            </MessageBarBody>
          </MessageBar>
        )}

        {!opened && (
          <section
            className={dragging ? `${styles.drop} ${styles.dropActive}` : styles.drop}
            aria-label={strings.openFile}
          >
            <Button appearance="primary" size="large" onClick={() => input.current?.click()} disabled={busy !== null}>
              {strings.openFile}
            </Button>
            <Caption1>{strings.dropHint}</Caption1>
          </section>
        )}

        {opened && (
          <div className={styles.app}>
            <App key={opened.session} host={opened.host} language={language} embedded mappingSavedIn="browser" />
          </div>
        )}
      </main>
    </FluentProvider>
  );
}
