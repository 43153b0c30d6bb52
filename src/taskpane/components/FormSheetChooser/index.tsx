import { Button, Dropdown, Field, MessageBar, MessageBarBody, MessageBarTitle, Option, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { usePane, usePaneState } from "../../state/pane-context";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** The active workbook has no form sheet: say so, and let the user choose the sheet that holds the form. */
export function FormSheetChooser() {
  const pane = usePane();
  const styles = useStyles();
  const sheets = usePaneState((s) => s.sheets);
  const profile = usePaneState((s) => s.profile);
  const [sheet, setSheet] = useState<string | undefined>();
  const { column, label } = profile.sheet.headerMarker;
  return (
    <section className={styles.box} data-testid="no-form">
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>申請様式のシートが見つかりません</MessageBarTitle>
          このブックには、{profile.sheet.headerSearchRows}行目までの{column}列に「{label}」の見出しがあるシート（別紙2 システム利用申請様式）がありません。
          様式のシートを選ぶか、様式のブックを開いてから「再チェック」を押してください。
        </MessageBarBody>
      </MessageBar>
      {sheets.length > 0 && (
        <>
          <Field label="申請様式として開くシート">
            <Dropdown placeholder="シートを選ぶ" value={sheet ?? ""} selectedOptions={sheet ? [sheet] : []} onOptionSelect={(_, d) => setSheet(d.optionValue)}>
              {sheets.map((s) => (
                <Option key={s.name} value={s.name}>
                  {s.name}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Button appearance="primary" disabled={!sheet} onClick={() => sheet && void pane.open(sheet)}>
            このシートをチェック
          </Button>
        </>
      )}
    </section>
  );
}
