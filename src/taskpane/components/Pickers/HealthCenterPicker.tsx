import { Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useState } from "react";
import type { MasterRecord } from "../../../domain";
import { PICKER_NOTE } from "../../state/fix-controller";
import { usePane, usePaneState } from "../../state/pane-context";
import type { RowDetail } from "../../state/row-detail";
import { FixNote } from "../Findings/FixNote";
import { MasterSearch, optionText } from "./MasterSearch";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  apply: { alignSelf: "flex-start" },
});

/** The hint says what the search finds: a master with a reading column is searched by it, the official one (none) by place readings. */
const SEARCHABLE_WITH_READINGS = "名前・よみ・都道府県・コード（空白で区切って複数語）";
const SEARCHABLE_WITHOUT_READINGS = "名前・コード、都道府県・市区と「中央」などの語のよみ（空白で区切って複数語）";

/**
 * 保健所 by name, reading or code → fills 中核市コード (I) and 保健所コード (K) of the row. The 保健所 of the
 * institution AJ names is offered first (one click), and the search lists it, then the form's own 保健所, first.
 */
export function HealthCenterPicker({ detail }: { detail: RowDetail }) {
  const pane = usePane();
  const styles = useStyles();
  const profile = usePaneState((s) => s.check?.profile ?? s.profile);
  const masters = usePaneState((s) => s.masters);
  const noteHere = usePaneState((s) => s.fixNote?.near === PICKER_NOTE.healthCenter);
  const [picked, setPicked] = useState<MasterRecord | undefined>();
  // A new search box (empty, nothing picked) after each write: the picker shows that it is done.
  const [round, setRound] = useState(0);
  const fromInstitution = pane.healthCenterRecord(detail.institution?.healthCenterCode);
  const nearest = fromInstitution?.code;
  // A new master set or check means new results for the same query: `masters` is what the search reads through the controller.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const search = useCallback((q: string) => pane.searchHealthCenters(q, { nearest: [nearest] }), [pane, masters, nearest, detail]);
  const { cityCode: I, healthCenterCode: K, institutionCode: AJ } = profile.fields;
  const apply = async (record: MasterRecord) => {
    await pane.pickHealthCenter(detail.row, record);
    setPicked(undefined);
    setRound((r) => r + 1);
  };
  const suggest = fromInstitution && fromInstitution.code !== detail.healthCenterCode;
  return (
    <section className={styles.box} aria-labelledby="hc-picker-heading" data-testid="health-center-picker">
      <h3 id="hc-picker-heading" className={styles.heading}>
        保健所（{I.column}列・{K.column}列）
      </h3>
      <Caption1>
        {detail.healthCenterCode === ""
          ? `${K.column}列（保健所コード）は空欄です。`
          : detail.healthCenter
            ? `現在：${detail.healthCenter.code} ${detail.healthCenter.name ?? ""}（中核市コード ${detail.healthCenter.cityCode ?? "—"}）`
            : detail.healthCenterMasterLoaded
              ? `現在：${detail.healthCenterCode}（保健所マスタにありません）`
              : `現在：${detail.healthCenterCode}`}
      </Caption1>
      {!detail.healthCenterMasterLoaded ? (
        <Caption1>{profile.masters.healthCenter.label}が読み込まれていないため、名前から選べません。「マスタ」タブから読み込んでください。</Caption1>
      ) : (
        <>
          {suggest && (
            <MessageBar layout="multiline" intent="info" data-testid="health-center-suggestion">
              <MessageBarBody>
                {AJ.column}列の機関（{detail.institution!.name ?? detail.institution!.code}）の保健所：{optionText(fromInstitution)}
              </MessageBarBody>
              <MessageBarActions>
                <Button size="small" onClick={() => void apply(fromInstitution)}>
                  この保健所を設定
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
          <MasterSearch
            key={round}
            label="保健所を名前・よみ・コードで検索"
            placeholder="例：しが ちゅうおう、25654"
            searchable={masters.healthCenter?.usesPlaceReadings ? SEARCHABLE_WITHOUT_READINGS : SEARCHABLE_WITH_READINGS}
            search={search}
            onPick={setPicked}
          />
          {picked && (
            <Caption1>
              {K.column}{detail.row} に {picked.code}、{I.column}{detail.row} に {picked.cityCode ?? "（マスタに中核市コードなし）"} を入力します。
            </Caption1>
          )}
          <Button className={styles.apply} appearance="primary" disabled={!picked} onClick={() => picked && void apply(picked)}>
            {I.column}列・{K.column}列に設定
          </Button>
          {noteHere && <FixNote />}
        </>
      )}
    </section>
  );
}
