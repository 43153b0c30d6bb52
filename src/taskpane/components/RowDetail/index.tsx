import { Badge, Caption1, MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { lazy, Suspense, useEffect, useRef } from "react";
import { usePane, usePaneState } from "../../state/pane-context";
import { FindingItem } from "../Findings/FindingItem";
import { FixNote } from "../Findings/FixNote";
import { STATUS_COLOR, STATUS_LABEL } from "../Findings/RowGroupView";

const Pickers = lazy(() => import(/* webpackChunkName: "pickers" */ "../Pickers"));

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, margin: 0, fontSize: tokens.fontSizeBase400 },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  collect: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  hint: { color: tokens.colorNeutralForeground2 },
});

/** The selected row: its findings, the guidance that applies to it, and the pickers that fill I/K and AJ. */
export function RowDetail() {
  const pane = usePane();
  const styles = useStyles();
  const detail = usePaneState((s) => s.rowDetail);
  const firstDataRow = usePaneState((s) => s.check?.result.firstDataRow);
  const institutionColumn = usePaneState((s) => s.profile.fields.institutionCode.column);
  const focusHeading = usePaneState((s) => s.focusRowDetail === true);
  // A picker's confirmation is shown in that picker, beside the button pressed.
  const noteInPicker = usePaneState((s) => s.fixNote?.near?.startsWith("picker:") === true);
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened from a row link of the list: the focus follows to this row (never when the user selected a cell in Excel).
  useEffect(() => {
    if (!focusHeading || !heading.current) return;
    heading.current.focus();
    pane.rowDetailFocused();
  }, [focusHeading, pane, detail]);
  if (!detail) {
    return (
      <p className={styles.hint}>
        シートでセルを選ぶか、指摘一覧の行番号を押すと、その行の詳細（指摘、保健所・医療機関の選択）を表示します。
      </p>
    );
  }
  if (firstDataRow !== undefined && detail.row < firstDataRow) {
    return <p className={styles.hint}>{detail.row}行目は見出しの行です。申請の行（{firstDataRow}行目以降）を選んでください。</p>;
  }
  return (
    <section className={styles.panel} aria-labelledby="row-detail-heading" data-testid="row-detail" data-row={detail.row} data-status={detail.status ?? "none"}>
      <h2 id="row-detail-heading" className={styles.heading} ref={heading} tabIndex={-1}>
        {detail.row}行目
        {detail.status ? (
          <Badge appearance="filled" color={STATUS_COLOR[detail.status]} data-testid="row-status">
            {STATUS_LABEL[detail.status]}
          </Badge>
        ) : (
          <Badge appearance="outline" color="subtle">
            未入力
          </Badge>
        )}
      </h2>
      {detail.name && <Caption1>利用者名：{detail.name}</Caption1>}
      {!noteInPicker && <FixNote />}
      {detail.findings.length > 0 ? (
        <ul className={styles.list} aria-label={`${detail.row}行目の指摘`}>
          {detail.findings.map((f, i) => (
            <FindingItem key={`${f.place.column}:${f.code}:${i}`} finding={f} />
          ))}
        </ul>
      ) : (
        detail.status === "complete" && <Caption1>この行に指摘はありません。</Caption1>
      )}
      {detail.deferred && (
        <MessageBar layout="multiline" intent="info">
          <MessageBarBody>所属機関分類コード16（医療機関管理者（定点））のアカウントは、次期システムの運用開始後に発行されます。</MessageBarBody>
        </MessageBar>
      )}
      {detail.collect && (
        <MessageBar intent="warning" layout="multiline" data-testid="collect-guidance">
          <MessageBarBody>
            <MessageBarTitle>所属機関コード（{institutionColumn}列）が空欄です</MessageBarTitle>
            マスタに登録されていない機関の場合は、空欄のままで申請できます。マスタ登録のため、次の情報を申請先の自治体にお知らせください：
            <ul className={styles.collect}>
              {detail.collect.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
            マスタに登録されている機関なら、下の「医療機関・施設」から選んでください。
          </MessageBarBody>
        </MessageBar>
      )}
      {detail.status !== "gap" && detail.status !== undefined && (
        <Suspense fallback={<Spinner size="tiny" label="選択肢を準備しています" />}>
          <Pickers detail={detail} />
        </Suspense>
      )}
    </section>
  );
}
