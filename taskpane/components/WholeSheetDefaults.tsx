/**
 * Whole-sheet 地区 and 年度 for sheets without such a column (or with empty cells), checked
 * as the official types with the same parsers the fill uses, so a typo is caught before a fill.
 */
import { Field, Input } from "@fluentui/react-components";
import { isXsgError, parseYear, resolveRegion } from "../../src";
import { useStrings } from "./i18n";

/** "2024", "2024年" → 2024; "" → null; anything else → undefined (invalid). */
export function yearInput(text: string): number | null | undefined {
  if (text.trim() === "") return null;
  try {
    return parseYear(text.trim(), "year");
  } catch (error) {
    if (isXsgError(error)) return undefined;
    throw error;
  }
}

/** Null when `text` is empty or names a policy region (R12); else the core's Chinese reason. */
export function regionProblem(text: string): string | null {
  if (text.trim() === "") return null;
  try {
    resolveRegion(text.trim(), "region");
    return null;
  } catch (error) {
    return isXsgError(error) ? error.detail : String(error);
  }
}

export interface WholeSheetDefaultsProps {
  showRegion: boolean;
  showYear: boolean;
  /** The sheet has a region column: the value then fills its empty cells only. */
  regionMapped: boolean;
  regionText: string;
  yearText: string;
  regionError: string | null;
  yearError: string | null;
  onRegionChange(text: string): void;
  onYearChange(text: string): void;
  /** Leaving a field: remember valid values for this workbook. */
  onCommit(): void;
}

export function WholeSheetDefaults(props: WholeSheetDefaultsProps) {
  const strings = useStrings();
  return (
    <>
      {props.showRegion && (
        <Field
          label={strings.defaultRegion}
          hint={props.regionMapped ? strings.defaultRegionHintEmptyCells : undefined}
          validationState={props.regionError ? "error" : "none"}
          validationMessage={props.regionError ?? undefined}
        >
          <Input
            value={props.regionText}
            placeholder={strings.defaultRegionPlaceholder}
            onChange={(_, data) => props.onRegionChange(data.value)}
            onBlur={props.onCommit}
          />
        </Field>
      )}
      {props.showYear && (
        <Field
          label={strings.defaultYear}
          validationState={props.yearError ? "error" : "none"}
          validationMessage={props.yearError ?? undefined}
        >
          <Input
            value={props.yearText}
            inputMode="numeric"
            placeholder={strings.defaultYearPlaceholder}
            onChange={(_, data) => props.onYearChange(data.value)}
            onBlur={props.onCommit}
          />
        </Field>
      )}
    </>
  );
}
