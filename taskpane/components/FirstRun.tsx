/**
 * What the taskpane says before there is anything to show: the three-step guide (in Excel, until
 * the first read), and outside Excel why the workbook tabs are off and what to do about it.
 */
import {
  Body1,
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { fmt } from "../strings";
import type { NoHostReason } from "../startup";
import { useStrings } from "./i18n";

/** Relative to taskpane.html, so they work under any deployment base URL. */
export const HELP_URL = "assets/help.html";
export const OFFLINE_PAGE_URL = "standalone.html";

const useStyles = makeStyles({
  guide: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    marginBottom: tokens.spacingVerticalS,
  },
  steps: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  heading: { margin: 0 },
  links: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS },
});

export function FirstRunGuide() {
  const strings = useStrings();
  const styles = useStyles();
  return (
    <section className={styles.guide} aria-labelledby="xsg-guide-title">
      <Subtitle2 as="h2" id="xsg-guide-title" className={styles.heading}>
        {strings.guideTitle}
      </Subtitle2>
      <ol className={styles.steps}>
        <li>
          <Body1>{strings.guideSelect}</Body1>
        </li>
        <li>
          <Body1>{strings.guideRead}</Body1>
        </li>
        <li>
          <Body1>{strings.guideFill}</Body1>
        </li>
      </ol>
      <Link href={HELP_URL} target="_blank" rel="noopener">
        {strings.helpLink}
      </Link>
    </section>
  );
}

/** Outside Excel: why (and, for a blocked office.js, the fix), how to load the add-in, the offline page. */
export function NoHostNotice({ reason, hostName }: { reason: NoHostReason; hostName?: string }) {
  const strings = useStrings();
  const styles = useStyles();
  if (reason === "officeJsMissing") {
    return (
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{strings.officeJsMissingTitle}</MessageBarTitle>
          {strings.officeJsMissingBody}{" "}
          <Link href={`${HELP_URL}#office-js`} target="_blank" rel="noopener" inline>
            {strings.helpLink}
          </Link>
        </MessageBarBody>
      </MessageBar>
    );
  }
  const notExcel = reason === "notExcel";
  return (
    <>
      <MessageBar intent={notExcel ? "warning" : "info"} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{notExcel ? strings.notExcelTitle : strings.needsExcelTitle}</MessageBarTitle>
          {notExcel ? fmt(strings.notExcelBody, { host: hostName ?? "" }) : strings.needsExcelBody}
        </MessageBarBody>
      </MessageBar>
      {!notExcel && (
        <section className={styles.guide} aria-labelledby="xsg-load-title">
          <Subtitle2 as="h2" id="xsg-load-title" className={styles.heading}>
            {strings.loadAddinTitle}
          </Subtitle2>
          <Caption1 as="p" className={styles.heading}>
            {strings.loadAddinBody}
          </Caption1>
        </section>
      )}
      {!notExcel && <FirstRunGuide />}
      <div className={styles.links}>
        <Link href={OFFLINE_PAGE_URL}>{strings.offlineLink}</Link>
      </div>
    </>
  );
}
