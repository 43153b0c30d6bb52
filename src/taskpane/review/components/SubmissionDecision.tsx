import { Field, Select, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { approvalNeedsConfirmation, REMARK_MAX, REVIEW_STATUSES, type ReviewStatus } from "../../../domain";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { useReviewController } from "../review-context";
import { DECISION_LABEL } from "../review-messages";
import { NOTE_AT, type SubmissionView } from "../review-state";
import { ActionNote } from "./ActionNote";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  status: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  select: { minWidth: "8em" },
  remark: { maxHeight: "16em" },
});

/** Rows a remark needs to be read whole in the narrow pane (about 20 characters a line): 1 when empty, else 2 to 10. */
function rowsFor(text: string): number {
  if (text === "") return 1;
  const lines = text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 20)), 0);
  return Math.min(10, Math.max(2, lines));
}

/**
 * 判定 and 備考 of one submission, first in its card. 承認 with errors asks for the reason, which goes into 備考 and
 * cannot be left empty. What was saved is said beside the 判定 box. `focusNow` puts the focus on the 判定 box (the
 * submission has just been put back with 元に戻す).
 */
export function SubmissionDecision({ s, focusNow, onFocused }: { s: SubmissionView; focusNow?: boolean; onFocused?: () => void }) {
  const styles = useStyles();
  const review = useReviewController();
  const [remark, setRemark] = useState(s.decision.remark);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonMissing, setReasonMissing] = useState(false);
  const statusRef = useRef<HTMLSelectElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const noteId = `${s.id}-decision-note`;
  useEffect(() => setRemark(s.decision.remark), [s.decision.remark]);
  useEffect(() => {
    if (!focusNow) return;
    statusRef.current?.focus();
    onFocused?.();
  }, [focusNow, onFocused]);
  const approve = () => {
    if (reason.trim() === "") {
      setReasonMissing(true);
      reasonRef.current?.focus();
      return;
    }
    setAsking(false);
    void review.setDecision(s.id, { status: "承認", remark: reason }).then(() => statusRef.current?.focus());
  };
  return (
    <div className={styles.root} data-testid="submission-decision">
      <div className={styles.status}>
        <Field label="判定" orientation="horizontal">
          <Select
            ref={statusRef}
            className={styles.select}
            value={s.decision.status}
            aria-label={`${s.id}の判定`}
            aria-describedby={noteId}
            onChange={(_, d) => {
              const status = d.value as ReviewStatus;
              if (status === "承認" && approvalNeedsConfirmation(s.summary)) {
                setReason(remark);
                setReasonMissing(false);
                setAsking(true);
              } else void review.setDecision(s.id, { status });
            }}
          >
            {REVIEW_STATUSES.map((st) => (
              <option key={st} value={st}>
                {DECISION_LABEL[st]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <ActionNote at={NOTE_AT.decision(s.id)} id={noteId} />
      <Field label="備考（審査の記録・差戻しの理由）">
        <Textarea
          value={remark}
          maxLength={REMARK_MAX}
          rows={rowsFor(remark)}
          resize="vertical"
          textarea={{ className: styles.remark }}
          aria-label={`${s.id}の備考`}
          onChange={(_, d) => setRemark(d.value)}
          onBlur={() => {
            if (remark !== s.decision.remark) void review.setDecision(s.id, { remark });
          }}
        />
      </Field>
      <ConfirmDialog
        open={asking}
        testId="confirm-approve"
        title={`${s.id} を承認しますか`}
        confirmLabel="エラーがあるまま承認する"
        returnFocus={statusRef}
        onCancel={() => setAsking(false)}
        onConfirm={approve}
      >
        <Text block>
          この申請にはエラーが{s.summary.errors}件あります。エラーのある行は登録用CSVに出力されません。差戻しにしない理由を備考に残してください。
        </Text>
        <Field
          label="承認する理由（備考に残します）"
          required
          validationState={reasonMissing ? "error" : "none"}
          validationMessage={reasonMissing ? "理由を入力してください。空欄のままでは承認できません。" : undefined}
        >
          <Textarea
            ref={reasonRef}
            autoFocus
            value={reason}
            maxLength={REMARK_MAX}
            rows={Math.max(3, rowsFor(reason))}
            aria-label={`${s.id}を承認する理由`}
            onChange={(_, d) => {
              setReason(d.value);
              if (d.value.trim() !== "") setReasonMissing(false);
            }}
          />
        </Field>
      </ConfirmDialog>
    </div>
  );
}
