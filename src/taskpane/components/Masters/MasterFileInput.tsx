import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { DocumentArrowUp20Regular } from "@fluentui/react-icons";
import { useEffect, useRef } from "react";
import { usePane, usePaneState } from "../../state/pane-context";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  input: { position: "absolute", width: "1px", height: "1px", opacity: 0, overflow: "hidden" },
});

/** Load masters from an .xlsx / .csv file (the reader is fetched when the picker is shown, not with the pane). */
export function MasterFileInput() {
  const pane = usePane();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const busy = usePaneState((s) => s.busy !== undefined);
  // The reader's code and workers load while the user looks for the file (again on each click: a read uses them up).
  useEffect(() => pane.prepareMasterFileReading(), [pane]);
  return (
    <section className={styles.box} aria-labelledby="master-file-heading">
      <h2 id="master-file-heading" className={styles.heading}>
        ファイルから読み込む
      </h2>
      <input
        ref={input}
        className={styles.input}
        type="file"
        accept=".xlsx,.csv,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label="マスタのファイル（.xlsx または .csv）"
        tabIndex={-1}
        data-testid="master-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) void pane.loadMasterFromFile(file);
        }}
      />
      <Button icon={<DocumentArrowUp20Regular />} disabled={busy} onClick={() => {
          pane.prepareMasterFileReading();
          input.current?.click();
        }}>
        マスタのファイルを選ぶ（.xlsx / .csv）
      </Button>
    </section>
  );
}
