/**
 * The taskpane: three tabs over one host. The host is a prop so Excel (ExcelFillHost), tests
 * (a fake) and the offline page (another FillHost) share the same UI; null = outside Office.
 */
import { useState } from "react";
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Tab,
  TabList,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import type { FillHost } from "../src/fill";
import { StringsContext } from "./components/i18n";
import { FillTab } from "./components/FillTab";
import { LookupTab } from "./components/LookupTab";
import { PolicyBrowser } from "./components/PolicyBrowser";
import { useWorkbookData } from "./components/useWorkbookData";
import { stringsFor, type Language } from "./strings";

export type TabId = "fill" | "lookup" | "policy";

export interface AppProps {
  host: FillHost | null;
  language?: Language;
  initialTab?: TabId;
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
});

export function App({ host, language = "zh", initialTab }: AppProps) {
  const strings = stringsFor(language);
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>(initialTab ?? (host ? "fill" : "policy"));
  const workbook = useWorkbookData(host);

  return (
    <FluentProvider theme={webLightTheme} lang={language === "zh" ? "zh-CN" : "en"}>
      <StringsContext.Provider value={strings}>
        <main className={styles.root}>
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
          {!host && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{strings.needsExcelTitle}</MessageBarTitle>
                {strings.needsExcelBody}
              </MessageBarBody>
            </MessageBar>
          )}
          {/* Panels stay mounted so a running fill and its summary survive a tab switch. */}
          {host && (
            <section role="tabpanel" aria-labelledby="tab-fill" hidden={tab !== "fill"}>
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
        </main>
      </StringsContext.Provider>
    </FluentProvider>
  );
}
