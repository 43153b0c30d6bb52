import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import { fixPreview, type FixKind } from "../../state/fix-kinds";
import { usePane } from "../../state/pane-context";

const useStyles = makeStyles({
  list: { maxHeight: "12rem", overflowY: "auto", margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const PREVIEW = 20;

/** Confirms a bulk fix: how many cells change, and the first of them with their value now and after. */
export default function BulkFixDialog({ kind, open, onClose }: { kind: FixKind; open: boolean; onClose: (fixed: boolean) => void }) {
  const pane = usePane();
  const styles = useStyles();
  // Counted when the dialog opens: what the user confirms is what gets written (re-verified cell by cell).
  const edits = useMemo(() => (open ? pane.pendingFixPreview(kind.code) : []), [pane, kind, open]);
  return (
    <Dialog open={open} modalType="modal" onOpenChange={(_, d) => !d.open && onClose(false)}>
      <DialogSurface aria-describedby="bulk-fix-count">
        <DialogBody>
          <DialogTitle>まとめて修正：{kind.label}</DialogTitle>
          <DialogContent>
            <p id="bulk-fix-count" data-testid="bulk-fix-count">
              {edits.length}個のセルを変更します。よろしいですか？
            </p>
            <ul className={styles.list}>
              {edits.slice(0, PREVIEW).map((e) => (
                <li key={e.address}>
                  {e.address}：{e.before === "" ? "（空欄）" : e.before} → {fixPreview(e.value)}
                </li>
              ))}
              {edits.length > PREVIEW && <li>ほか {edits.length - PREVIEW}セル</li>}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={() => onClose(false)}>
              キャンセル
            </Button>
            <Button
              appearance="primary"
              onClick={() => {
                onClose(true);
                void pane.applyFixes(kind.code);
              }}
            >
              {edits.length}セルを変更する
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
