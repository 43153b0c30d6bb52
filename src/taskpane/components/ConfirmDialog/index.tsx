import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";
import type { ReactNode, RefObject } from "react";

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** Where focus goes back after キャンセル / Esc (the control the user was on). */
  returnFocus?: RefObject<HTMLElement | null>;
  testId?: string;
}

/** Asks before a step that cannot be taken back silently; focus returns to where the user was when it closes. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const back = () => setTimeout(() => props.returnFocus?.current?.focus(), 0);
  return (
    <Dialog
      open={props.open}
      modalType="alert"
      onOpenChange={(_, d) => {
        if (!d.open) {
          props.onCancel();
          back();
        }
      }}
    >
      <DialogSurface data-testid={props.testId} aria-label={props.title}>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent>{props.children}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={props.onConfirm}>
              {props.confirmLabel}
            </Button>
            <Button
              onClick={() => {
                props.onCancel();
                back();
              }}
            >
              {props.cancelLabel ?? "キャンセル"}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
