import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import type { FixKind } from "../../state/fix-kinds";

const BulkFixDialog = lazy(() => import(/* webpackChunkName: "bulk-fix" */ "./BulkFixDialog"));

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  item: { display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  // The button keeps its words on one line; the label beside it wraps (or the button goes below it) at 320 px.
  button: { flexShrink: 0, whiteSpace: "nowrap" },
});

/**
 * "Fix all of this kind": one line per kind of fix the engine suggests, each confirmed in a dialog. The dialog is
 * loaded on first use and then stays mounted (opened and closed through its `open` prop), so Fluent's focus trap
 * and aria-hidden handling are released properly when it closes.
 */
export function BulkFixes({ kinds }: { kinds: FixKind[] }) {
  const styles = useStyles();
  const [target, setTarget] = useState<FixKind | undefined>();
  const [open, setOpen] = useState(false);
  // The button that opened the dialog gets the focus back when the dialog is closed without fixing (Esc, キャンセル).
  const opener = useRef<HTMLButtonElement | null>(null);
  const [returnFocus, setReturnFocus] = useState(false);
  useEffect(() => {
    if (open || !returnFocus) return;
    setReturnFocus(false);
    if (opener.current?.isConnected) opener.current.focus();
  }, [open, returnFocus]);
  const dialog = target && (
    <Suspense fallback={null}>
      <BulkFixDialog
        kind={target}
        open={open}
        onClose={(fixed) => {
          setOpen(false);
          setReturnFocus(!fixed);
        }}
      />
    </Suspense>
  );
  return (
    <>
      {kinds.length > 0 && (
        <section className={styles.box} aria-labelledby="bulk-fix-heading">
          <h3 id="bulk-fix-heading" className={styles.heading}>
            まとめて修正
          </h3>
          <ul className={styles.list}>
            {kinds.map((k) => (
              <li key={k.code} className={styles.item} data-fix-kind={k.code}>
                <Caption1>
                  {k.label}（{k.findings.length}件）
                </Caption1>
                <Button
                  size="small"
                  className={styles.button}
                  onClick={(e) => {
                    opener.current = e.currentTarget;
                    setTarget(k);
                    setOpen(true);
                  }}
                  aria-label={`まとめて修正…（${k.label}、${k.findings.length}件）`}
                >
                  まとめて修正…
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {dialog}
    </>
  );
}
