import { Button, Dropdown, Field, Option, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { MASTER_KINDS, type MasterKind } from "../../../domain";
import { usePane, usePaneState } from "../../state/pane-context";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

const AUTO = "auto";

/** Load a sheet of the open workbook as a master; the kind is detected by name/header unless the user picks it. */
export function MasterSheetLoader() {
  const pane = usePane();
  const styles = useStyles();
  const sheets = usePaneState((s) => s.sheets);
  const formSheet = usePaneState((s) => s.check?.sheet);
  const profile = usePaneState((s) => s.profile);
  const busy = usePaneState((s) => s.busy !== undefined);
  const candidates = sheets.filter((s) => s.name !== formSheet);
  const [sheet, setSheet] = useState<string | undefined>();
  const [kind, setKind] = useState<string>(AUTO);
  const kindLabel = (k: string) => (k === AUTO ? "自動判別（シート名・見出し）" : profile.masters[k as MasterKind].label);
  if (candidates.length === 0) return null;
  return (
    <section className={styles.box} aria-labelledby="master-sheet-heading">
      <h2 id="master-sheet-heading" className={styles.heading}>
        ブックのシートから読み込む
      </h2>
      <Field label="シート">
        <Dropdown
          placeholder="シートを選ぶ"
          value={sheet ?? ""}
          selectedOptions={sheet ? [sheet] : []}
          onOptionSelect={(_, d) => setSheet(d.optionValue)}
        >
          {candidates.map((s) => (
            <Option key={s.name} value={s.name}>
              {s.masterKind ? `${s.name}（${profile.masters[s.masterKind].label}）` : s.name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="マスタの種類">
        <Dropdown value={kindLabel(kind)} selectedOptions={[kind]} onOptionSelect={(_, d) => setKind(d.optionValue ?? AUTO)}>
          {[AUTO, ...MASTER_KINDS].map((k) => (
            <Option key={k} value={k}>
              {kindLabel(k)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Button disabled={!sheet || busy} onClick={() => sheet && void pane.loadMasterFromSheet(sheet, kind === AUTO ? undefined : (kind as MasterKind))}>
        このシートを読み込む
      </Button>
    </section>
  );
}
