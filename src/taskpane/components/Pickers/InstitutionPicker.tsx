import { Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useState } from "react";
import type { MasterRecord } from "../../../domain";
import { usePane, usePaneState } from "../../state/pane-context";
import type { RowDetail } from "../../state/row-detail";
import { MasterSearch } from "./MasterSearch";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  record: { margin: 0, display: "grid", gridTemplateColumns: "auto 1fr", columnGap: tokens.spacingHorizontalS },
});

/**
 * The institution by name, kana or code, from the master that E selects (09 全数 / 16 定点 / 11 動物) → fills AJ.
 * Warns before writing when the institution belongs to another 保健所 than K, and offers to set I/K from it.
 */
export function InstitutionPicker({ detail }: { detail: RowDetail }) {
  const pane = usePane();
  const styles = useStyles();
  const profile = usePaneState((s) => s.check?.profile ?? s.profile);
  const masters = usePaneState((s) => s.masters);
  const [picked, setPicked] = useState<MasterRecord | undefined>();
  const kind = detail.institutionMaster;
  // A new master set means new results for the same query: `masters` is what the search reads through the controller.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const search = useCallback((q: string) => (kind ? pane.searchInstitutions(kind, q) : []), [pane, kind, masters]);
  const { institutionCode: AJ, orgType: E, healthCenterCode: K } = profile.fields;
  const masterLabel = kind ? profile.masters[kind].label : "";
  const mismatch = picked?.healthCenterCode !== undefined && detail.healthCenterCode !== "" && picked.healthCenterCode !== detail.healthCenterCode;
  const pickedHealthCenter = mismatch || (picked && detail.healthCenterCode === "") ? pane.healthCenterRecord(picked?.healthCenterCode) : undefined;

  return (
    <section className={styles.box} aria-labelledby="inst-picker-heading" data-testid="institution-picker">
      <h3 id="inst-picker-heading" className={styles.heading}>
        医療機関・施設（{AJ.column}列）
      </h3>
      {!detail.orgType ? (
        <Caption1>
          {E.column}列（所属機関分類コード）が{profile.orgTypes.map((t) => `${t.code}（${t.label}）`).join("・")}のいずれかになると、対応するマスタから選べます。
        </Caption1>
      ) : (
        <>
          <Caption1>
            {detail.institutionCode === ""
              ? `${AJ.column}列は空欄です（${E.column}列 ${detail.orgType.code}：${masterLabel}から選びます）。`
              : detail.institution
                ? `現在：${detail.institution.code} ${detail.institution.name ?? ""}`
                : `現在：${detail.institutionCode}`}
          </Caption1>
          {!detail.institutionMasterLoaded ? (
            <Caption1>{masterLabel}が読み込まれていないため、名前から選べません。「マスタ」タブから読み込んでください。</Caption1>
          ) : (
            <>
              <MasterSearch label={`${masterLabel}を名称・カナ・コードで検索`} placeholder="例：中央病院、チュウオウ" search={search} onPick={setPicked} />
              {picked && (
                <>
                  <dl className={styles.record} aria-label="選んだ機関">
                    <dt>コード</dt>
                    <dd>{picked.code}</dd>
                    {picked.name && (
                      <>
                        <dt>名称</dt>
                        <dd>{picked.name}</dd>
                      </>
                    )}
                    {picked.kana && (
                      <>
                        <dt>カナ</dt>
                        <dd>{picked.kana}</dd>
                      </>
                    )}
                    {picked.healthCenterCode && (
                      <>
                        <dt>保健所</dt>
                        <dd>{picked.healthCenterCode}</dd>
                      </>
                    )}
                  </dl>
                  {mismatch && (
                    <MessageBar layout="multiline" intent="warning" data-testid="health-center-mismatch">
                      <MessageBarBody>
                        この機関の保健所コードは {picked.healthCenterCode} ですが、{K.column}列は {detail.healthCenterCode} です。管轄の保健所を確認してください。
                      </MessageBarBody>
                    </MessageBar>
                  )}
                  <Button appearance="primary" onClick={() => void pane.pickInstitution(detail.row, picked)}>
                    {AJ.column}{detail.row} に設定
                  </Button>
                  {pickedHealthCenter && (
                    <MessageBar layout="multiline" intent="info">
                      <MessageBarBody>
                        保健所も {pickedHealthCenter.code} {pickedHealthCenter.name ?? ""} に合わせられます。
                      </MessageBarBody>
                      <MessageBarActions>
                        <Button size="small" onClick={() => void pane.pickHealthCenter(detail.row, pickedHealthCenter)}>
                          保健所（I・K列）も合わせる
                        </Button>
                      </MessageBarActions>
                    </MessageBar>
                  )}
                </>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
