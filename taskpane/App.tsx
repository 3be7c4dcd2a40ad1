/**
 * The taskpane: three tabs over one host. The host is a prop so Excel (ExcelFillHost), tests
 * (a fake) and the offline page (another FillHost) share the same UI; null = outside Excel,
 * and `noHostReason` says why (plain browser, office.js blocked, another Office application).
 */
import { useMemo, useState } from "react";
import {
  FluentProvider,
  Subtitle1,
  Tab,
  TabList,
  makeStyles,
  mergeClasses,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import type { FillHost } from "../src/fill";
import { FirstRunGuide, NoHostNotice } from "./components/FirstRun";
import { StringsContext } from "./components/i18n";
import { FillTab } from "./components/FillTab";
import { LookupTab } from "./components/LookupTab";
import { PolicyBrowser } from "./components/PolicyBrowser";
import { useWorkbookData } from "./components/useWorkbookData";
import type { NoHostReason } from "./startup";
import { stringsFor, type Language, type Strings } from "./strings";

export type TabId = "fill" | "lookup" | "policy";

export interface AppProps {
  host: FillHost | null;
  /** Without a host: why (default: a plain browser). */
  noHostReason?: NoHostReason;
  /** The Office application office.js reported, for noHostReason "notExcel". */
  hostName?: string;
  language?: Language;
  initialTab?: TabId;
  /** Office's dark theme (Black / Dark Gray). */
  dark?: boolean;
  /** Inside another page (the offline page): no <main>, no h1, no first-run guide of its own. */
  embedded?: boolean;
  /** Where the host keeps the column mapping: the workbook (Excel) or this browser (offline page). */
  mappingSavedIn?: "workbook" | "browser";
}

const useStyles = makeStyles({
  root: {
    minWidth: "280px",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    boxSizing: "border-box",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  tabs: { marginInline: `calc(-1 * ${tokens.spacingHorizontalS})` },
  // The whole pane takes the theme's background (the provider paints it), not just the content.
  fullHeight: { minHeight: "100vh" },
  title: { margin: 0 },
});

/** The string table, with the mapping notes saying where the host really keeps the mapping. */
function appStrings(language: Language, mappingSavedIn: "workbook" | "browser"): Strings {
  const strings = stringsFor(language);
  if (mappingSavedIn === "workbook") return strings;
  return { ...strings, mappingHint: strings.mappingHintBrowser, mappingRemembered: strings.mappingRememberedBrowser };
}

export function App({
  host,
  noHostReason = "outsideOffice",
  hostName,
  language = "zh",
  initialTab,
  dark = false,
  embedded = false,
  mappingSavedIn = "workbook",
}: AppProps) {
  const strings = useMemo(() => appStrings(language, mappingSavedIn), [language, mappingSavedIn]);
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>(initialTab ?? (host ? "fill" : "policy"));
  const workbook = useWorkbookData(host);
  const Root = embedded ? "div" : "main";

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} lang={language === "zh" ? "zh-CN" : "en"}>
      <StringsContext.Provider value={strings}>
        <Root className={embedded ? styles.root : mergeClasses(styles.root, styles.fullHeight)}>
          {!embedded && (
            <Subtitle1 as="h1" className={styles.title}>
              {strings.appTitle}
            </Subtitle1>
          )}
          {!host && <NoHostNotice reason={noHostReason} hostName={hostName} />}
          <TabList
            className={styles.tabs}
            aria-label={strings.tabList}
            selectedValue={tab}
            onTabSelect={(_, data) => setTab(data.value as TabId)}
            size="small"
          >
            <Tab value="fill" id="tab-fill" disabled={!host}>
              {strings.tabFill}
            </Tab>
            <Tab value="lookup" id="tab-lookup" disabled={!host}>
              {strings.tabLookup}
            </Tab>
            <Tab value="policy" id="tab-policy">
              {strings.tabPolicy}
            </Tab>
          </TabList>
          {/* Panels stay mounted so a running fill and its summary survive a tab switch. */}
          {host && (
            <section role="tabpanel" aria-labelledby="tab-fill" hidden={tab !== "fill"}>
              {!embedded && !workbook.prepared && <FirstRunGuide />}
              <FillTab host={host} workbook={workbook} />
            </section>
          )}
          {host && (
            <section role="tabpanel" aria-labelledby="tab-lookup" hidden={tab !== "lookup"}>
              <LookupTab host={host} workbook={workbook} active={tab === "lookup"} />
            </section>
          )}
          <section role="tabpanel" aria-labelledby="tab-policy" hidden={tab !== "policy"}>
            <PolicyBrowser />
          </section>
        </Root>
      </StringsContext.Provider>
    </FluentProvider>
  );
}
