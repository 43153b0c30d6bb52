import { Button, Card, Checkbox, Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { ISSUED_FIELD_LABELS, ISSUED_FIELDS, REQUIRED_ISSUED_FIELDS, isRequiredIssuedField, columnLetter, type IssuedColumnMapping } from "../../../domain";
import { useReviewController, useReviewState } from "../review-context";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "flex-end" },
});

/** The mapping step: which column holds which field, like a spreadsheet's import wizard. */
export function ColumnMapping() {
  const styles = useStyles();
  const review = useReviewController();
  const issued = useReviewState((s) => s.issued)!;
  const [mapping, setMapping] = useState<Partial<IssuedColumnMapping>>(issued.mapping);
  const [hasHeader, setHasHeader] = useState(issued.hasHeader);
  const columns = issued.header.map((h, i) => ({ i, label: `${columnLetter(i)}列${hasHeader && h ? `「${h}」` : ""}` }));
  return (
    <Card aria-label="列の指定" data-testid="column-mapping">
      <Text>どの列に何が入っているかを選んでください（{REQUIRED_ISSUED_FIELDS.map((f) => ISSUED_FIELD_LABELS[f]).join("・")}は必須）。</Text>
      <Checkbox checked={hasHeader} onChange={(_, d) => setHasHeader(d.checked === true)} label="1行目は見出し" />
      <div className={styles.row}>
        {ISSUED_FIELDS.map((f) => (
          <Field key={f} label={ISSUED_FIELD_LABELS[f]} required={isRequiredIssuedField(f)}>
            <Select
              aria-label={`${ISSUED_FIELD_LABELS[f]}の列`}
              value={mapping[f] === undefined ? "" : String(mapping[f])}
              onChange={(_, d) => setMapping((m) => ({ ...m, [f]: d.value === "" ? undefined : Number(d.value) }))}
            >
              <option value="">（なし）</option>
              {columns.map((c) => (
                <option key={c.i} value={c.i}>
                  {c.label}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
      <Button appearance="primary" onClick={() => review.applyMapping(mapping, hasHeader)}>
        この指定で読み込む
      </Button>
    </Card>
  );
}
