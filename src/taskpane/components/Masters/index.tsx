import { Button, Caption1, MessageBar, MessageBarBody, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from "@fluentui/react-components";
import { describeMasters, MASTER_KINDS } from "../../../domain";
import { usePane, usePaneState } from "../../state/pane-context";
import { MasterFileInput } from "./MasterFileInput";
import { MasterSheetLoader } from "./MasterSheetLoader";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  source: { wordBreak: "break-all" },
});

/** What masters the check uses, where they came from, and how to load more (a sheet of the workbook or a file). */
export function Masters() {
  const styles = useStyles();
  const masters = usePaneState((s) => s.masters);
  const profile = usePaneState((s) => s.profile);
  const lastLoad = usePaneState((s) => s.lastMasterLoad);
  const origins = usePaneState((s) => s.masterOrigins);
  const working = usePaneState((s) => s.working);
  const pane = usePane();
  const loaded = new Map(describeMasters(masters).map((m) => [m.kind, m]));
  return (
    <div className={styles.panel}>
      {lastLoad && lastLoad.length > 0 && (
        <MessageBar layout="multiline" intent="success" data-testid="master-load-report">
          <MessageBarBody>
            読み込みました：
            {lastLoad.map((m) => `${m.label} ${m.size.toLocaleString("ja-JP")}件（重複 ${m.duplicates}件、${m.source}）`).join("、")}
          </MessageBarBody>
        </MessageBar>
      )}
      <section aria-labelledby="masters-heading">
        <h2 id="masters-heading" className={styles.heading}>
          使用中のマスタ
        </h2>
        <Table size="small" aria-labelledby="masters-heading">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>マスタ</TableHeaderCell>
              <TableHeaderCell>件数</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {MASTER_KINDS.map((kind) => {
              const m = loaded.get(kind);
              return (
                <TableRow key={kind} data-master-row={kind}>
                  <TableCell>
                    <div>{profile.masters[kind].label}</div>
                    {m && <Caption1 className={styles.source}>読込元：{m.source}</Caption1>}
                    {m && origins[kind]?.from === "file" && (
                      <div>
                        <Button size="small" appearance="subtle" disabled={working} onClick={() => void pane.saveMasterToWorkbook(kind)}>
                          ブックにシートとして保存
                        </Button>
                      </div>
                    )}
                  </TableCell>
                  <TableCell>{m ? `${m.size.toLocaleString("ja-JP")}件${m.duplicates ? `（重複 ${m.duplicates}）` : ""}` : "未読込"}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </section>
      <MasterSheetLoader />
      <MasterFileInput />
      <Caption1>ファイルから読み込んだマスタはこの作業中だけ使い、「ブックにシートとして保存」を押したときだけブックに書き込みます。</Caption1>
    </div>
  );
}
