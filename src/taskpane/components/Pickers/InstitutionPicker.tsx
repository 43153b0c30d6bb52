import { Button, Caption1, Checkbox, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useState } from "react";
import type { MasterRecord } from "../../../domain";
import { PICKER_NOTE } from "../../state/fix-controller";
import { usePane, usePaneState } from "../../state/pane-context";
import type { RowDetail } from "../../state/row-detail";
import { FixNote } from "../Findings/FixNote";
import { institutionText, MasterSearch } from "./MasterSearch";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  record: { margin: 0, display: "grid", gridTemplateColumns: "auto 1fr", columnGap: tokens.spacingHorizontalS },
  apply: { alignSelf: "flex-start" },
});

/**
 * The institution by name, kana, 都道府県 or code, from the master that E selects (09 全数 / 16 定点 / 11 動物) → fills
 * AJ, and I/K from the institution's 保健所 when the user ticks that. Institutions of the row's and the form's 保健所
 * are listed first. Warns before writing when the institution belongs to another 保健所 than K.
 */
export function InstitutionPicker({ detail }: { detail: RowDetail }) {
  const pane = usePane();
  const styles = useStyles();
  const profile = usePaneState((s) => s.check?.profile ?? s.profile);
  const masters = usePaneState((s) => s.masters);
  const noteHere = usePaneState((s) => s.fixNote?.near === PICKER_NOTE.institution);
  const [picked, setPicked] = useState<MasterRecord | undefined>();
  const [withHealthCenter, setWithHealthCenter] = useState(false);
  // A new search box (empty, nothing picked) after each write: the picker shows that it is done.
  const [round, setRound] = useState(0);
  const kind = detail.institutionMaster;
  const nearest = detail.healthCenterCode;
  // A new master set means new results for the same query: `masters` is what the search reads through the controller.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const search = useCallback((q: string) => (kind ? pane.searchInstitutions(kind, q, { nearest: [nearest] }) : []), [pane, kind, masters, nearest]);
  const { institutionCode: AJ, orgType: E, healthCenterCode: K, cityCode: I } = profile.fields;
  const masterLabel = kind ? profile.masters[kind].label : "";
  const mismatch = picked?.healthCenterCode !== undefined && detail.healthCenterCode !== "" && picked.healthCenterCode !== detail.healthCenterCode;
  const pickedHealthCenter = picked && picked.healthCenterCode !== detail.healthCenterCode ? pane.healthCenterRecord(picked.healthCenterCode) : undefined;
  const apply = async (record: MasterRecord) => {
    await pane.pickInstitution(detail.row, record, withHealthCenter ? pickedHealthCenter : undefined);
    setPicked(undefined);
    setWithHealthCenter(false);
    setRound((r) => r + 1);
  };

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
                ? `現在：${institutionText(detail.institution)}`
                : `現在：${detail.institutionCode}`}
          </Caption1>
          {!detail.institutionMasterLoaded ? (
            <Caption1>{masterLabel}が読み込まれていないため、名前から選べません。「マスタ」タブから読み込んでください。</Caption1>
          ) : (
            <>
              <MasterSearch
                key={round}
                label={`${masterLabel}を名称・カナ・都道府県・コードで検索`}
                placeholder="例：中央 病院、チュウオウ"
                searchable="名称・カナ・都道府県・コード（空白で区切って複数語）"
                search={search}
                onPick={setPicked}
                describe={institutionText}
              />
              {picked && (
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
                  {picked.prefecture && (
                    <>
                      <dt>都道府県</dt>
                      <dd>{picked.prefecture}</dd>
                    </>
                  )}
                  {picked.healthCenterCode && (
                    <>
                      <dt>保健所</dt>
                      <dd>{optionalName(picked.healthCenterCode, pane.healthCenterRecord(picked.healthCenterCode))}</dd>
                    </>
                  )}
                </dl>
              )}
              {mismatch && (
                <MessageBar layout="multiline" intent="warning" data-testid="health-center-mismatch">
                  <MessageBarBody>
                    この機関の保健所コードは {picked!.healthCenterCode} ですが、{K.column}列は {detail.healthCenterCode} です。管轄の保健所を確認してください。
                  </MessageBarBody>
                </MessageBar>
              )}
              {pickedHealthCenter && (
                <Checkbox
                  checked={withHealthCenter}
                  onChange={(_, d) => setWithHealthCenter(d.checked === true)}
                  label={`保健所（${I.column}・${K.column}列）も ${pickedHealthCenter.code} ${pickedHealthCenter.name ?? ""} に合わせる`}
                />
              )}
              <Button className={styles.apply} appearance="primary" disabled={!picked} onClick={() => picked && void apply(picked)}>
                {withHealthCenter && pickedHealthCenter ? `${AJ.column}${detail.row}・${I.column}・${K.column}列に設定` : `${AJ.column}${detail.row} に設定`}
              </Button>
              {noteHere && <FixNote />}
            </>
          )}
        </>
      )}
    </section>
  );
}

function optionalName(code: string, record: MasterRecord | undefined): string {
  return record?.name ? `${code} ${record.name}` : code;
}
