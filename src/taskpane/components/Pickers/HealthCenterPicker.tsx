import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useState } from "react";
import type { MasterRecord } from "../../../domain";
import { usePane, usePaneState } from "../../state/pane-context";
import type { RowDetail } from "../../state/row-detail";
import { MasterSearch } from "./MasterSearch";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

/** The hint says what the search finds: a master with a reading column is searched by it, the official one (none) by place readings. */
const SEARCHABLE_WITH_READINGS = "名前・よみ・コード";
const SEARCHABLE_WITHOUT_READINGS = "名前・コード、都道府県・市区と「中央」などの語のよみ";

/** 保健所 by name, reading or code → fills 中核市コード (I) and 保健所コード (K) of the row. */
export function HealthCenterPicker({ detail }: { detail: RowDetail }) {
  const pane = usePane();
  const styles = useStyles();
  const profile = usePaneState((s) => s.check?.profile ?? s.profile);
  const masters = usePaneState((s) => s.masters);
  const [picked, setPicked] = useState<MasterRecord | undefined>();
  // A new master set means new results for the same query: `masters` is what the search reads through the controller.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const search = useCallback((q: string) => pane.searchHealthCenters(q), [pane, masters]);
  const { cityCode: I, healthCenterCode: K } = profile.fields;
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
          <MasterSearch
            label="保健所を名前・よみ・コードで検索"
            placeholder="例：中央保健所、ちゅうおう、25654"
            searchable={masters.healthCenter?.usesPlaceReadings ? SEARCHABLE_WITHOUT_READINGS : SEARCHABLE_WITH_READINGS}
            search={search}
            onPick={setPicked}
          />
          {picked && (
            <>
              <Caption1>
                {K.column}{detail.row} に {picked.code}、{I.column}{detail.row} に {picked.cityCode ?? "（マスタに中核市コードなし）"} を入力します。
              </Caption1>
              <Button appearance="primary" onClick={() => void pane.pickHealthCenter(detail.row, picked)}>
                {I.column}列・{K.column}列に設定
              </Button>
            </>
          )}
        </>
      )}
    </section>
  );
}
