/**
 * One Dropdown per fill field (Chinese label, "（无）" to unmap) over the detected header's
 * columns, plus a unit Dropdown for money and lease columns, so the official can confirm or
 * correct the automatic mapping. A column maps to one field only (remapField enforces it).
 */
import { Dropdown, Field, InfoLabel, Option, makeStyles, tokens } from "@fluentui/react-components";
import { FIELD_DEFS, type ColumnMapping, type ColumnUnit, type FieldDef, type FieldId } from "../../src/fill";
import { columnLetter } from "./format";
import { useStrings } from "./i18n";

const MONEY_UNITS: readonly ColumnUnit[] = ["元", "千元", "万元", "十万元", "百万元", "千万元", "亿元"];
const LEASE_UNITS: readonly ColumnUnit[] = ["月", "年"];
const NONE = "none";

function unitsFor(def: FieldDef): readonly ColumnUnit[] | null {
  if (def.kind === "money" || def.kind === "money-list") return MONEY_UNITS;
  if (def.kind === "months") return LEASE_UNITS;
  return null;
}

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  controls: { display: "flex", columnGap: tokens.spacingHorizontalXS },
  column: { flexGrow: 1, minWidth: 0 },
  unit: { minWidth: "6.5em", width: "6.5em" },
});

export interface MappingEditorProps {
  headers: readonly string[];
  /** Absolute 0-based column of the region's first column, for the letters shown. */
  left: number;
  mapping: ColumnMapping;
  onRemap(field: FieldId, column: number | null, unit?: ColumnUnit): void;
}

export function MappingEditor({ headers, left, mapping, onRemap }: MappingEditorProps) {
  const strings = useStrings();
  const styles = useStyles();
  const columnText = (column: number) => `${columnLetter(left + column)}  ${headers[column] || "—"}`;

  return (
    <div className={styles.list}>
      {FIELD_DEFS.map((def) => {
        const ref = mapping[def.id];
        const units = unitsFor(def);
        const label = strings.lang === "en" ? def.labelEn : def.label;
        return (
          <Field
            key={def.id}
            size="small"
            label={{
              // The field's help (what it feeds, which ruling) behind an info button keeps 16 rows compact.
              children: (_: unknown, props: object) => (
                <InfoLabel {...props} size="small" info={def.hint}>
                  {label}
                </InfoLabel>
              ),
            }}
          >
            <div className={styles.controls}>
              <Dropdown
                className={styles.column}
                size="small"
                aria-label={label}
                data-field={def.id}
                value={ref ? columnText(ref.column) : strings.none}
                selectedOptions={[ref ? String(ref.column) : NONE]}
                onOptionSelect={(_, data) => {
                  if (!data.optionValue) return;
                  onRemap(def.id, data.optionValue === NONE ? null : Number(data.optionValue));
                }}
              >
                <Option value={NONE}>{strings.none}</Option>
                {headers.map((header, column) => (
                  <Option key={column} value={String(column)} text={columnText(column)}>
                    {columnText(column)}
                  </Option>
                ))}
              </Dropdown>
              {units && ref && (
                <Dropdown
                  className={styles.unit}
                  size="small"
                  aria-label={`${label} ${strings.unitLabel}`}
                  data-unit-for={def.id}
                  value={ref.unit ?? ""}
                  selectedOptions={ref.unit ? [ref.unit] : []}
                  onOptionSelect={(_, data) =>
                    data.optionValue && onRemap(def.id, ref.column, data.optionValue as ColumnUnit)
                  }
                >
                  {units.map((unit) => (
                    <Option key={unit} value={unit}>
                      {unit}
                    </Option>
                  ))}
                </Dropdown>
              )}
            </div>
          </Field>
        );
      })}
    </div>
  );
}
