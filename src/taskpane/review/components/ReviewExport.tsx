import { Button, Card, Checkbox, Field, Radio, RadioGroup, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useReviewController, useReviewState } from "../review-context";
import { RefusedRows } from "./RefusedRows";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const DELIVERY_LABEL = { downloaded: "ファイルをダウンロード", sheet: "シートに書き出し", clipboard: "クリップボードにコピー" } as const;

/** 作業③: the registration CSV of the approved rows; every row left out is listed with its reason. */
export function ReviewExport() {
  const styles = useStyles();
  const review = useReviewController();
  const settings = useReviewState((s) => s.settings);
  const downloads = useReviewState((s) => s.downloads);
  const last = useReviewState((s) => s.lastExport);
  const approved = useReviewState((s) => s.submissions.filter((x) => x.decision.status === "承認").length);
  const total = useReviewState((s) => s.submissions.length);
  // 16 is an ordinary account in the default profile: the switch appears only for a profile that holds a type back.
  const deferred = review.profile.orgTypes.filter((t) => t.deferred);
  const why =
    total === 0
      ? "出力できません：取り込んだ申請がありません。「① 受付・審査」で申請様式を取り込んでください。"
      : approved === 0
        ? "出力できません：「承認」の申請がありません。「① 受付・審査」で判定を「承認」にしてください。"
        : undefined;
  return (
    <div className={styles.root}>
      <Text>
        「承認」の申請（{approved}/{total}件）のうち、エラーがなく所属医療機関コード（AJ列）が記入された行を出力します。
      </Text>
      {deferred.length > 0 && (
        <Checkbox
          checked={settings.issueDeferred}
          onChange={(_, d) => void review.setSettings({ issueDeferred: d.checked === true })}
          label={`${deferred.map((t) => `${t.code}（${t.label}）`).join("・")}も出力する（様式プロファイルで保留にしている種別）`}
        />
      )}
      <Checkbox
        checked={settings.allowNoMasters === true}
        onChange={(_, d) => void review.setSettings({ allowNoMasters: d.checked === true })}
        label="マスタなしで出力する（保健所・医療機関のコードを照合しない）"
      />
      <Checkbox checked={settings.header} onChange={(_, d) => void review.setSettings({ header: d.checked === true })} label="1行目に見出しを付ける" />
      <Field label="文字コード">
        <RadioGroup layout="horizontal" value={settings.encoding} onChange={(_, d) => void review.setSettings({ encoding: d.value as "cp932" | "utf8bom" })}>
          <Radio value="cp932" label="Shift_JIS（標準）" />
          <Radio value="utf8bom" label="UTF-8（BOM付き）" />
        </RadioGroup>
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" disabledFocusable={why !== undefined} aria-describedby={why ? "export-why" : undefined} onClick={() => void review.exportCsv()}>
          登録用CSVを出力
        </Button>
        <Button disabledFocusable={why !== undefined} aria-describedby={why ? "export-why" : undefined} onClick={() => void review.exportCsvToSheet()}>
          シートに書き出す
        </Button>
        <Button disabledFocusable={why !== undefined} aria-describedby={why ? "export-why" : undefined} onClick={() => void review.copyCsv()}>
          クリップボードにコピー
        </Button>
      </div>
      {why && (
        <Text id="export-why" data-testid="export-why">
          {why}
        </Text>
      )}
      {downloads === "blocked" && (
        <Text size={200}>この Excel ではファイルのダウンロードができないため、CSVはシートに書き出します（［名前を付けて保存］→「CSV (コンマ区切り)」で保存）。</Text>
      )}
      {last && (
        <Card aria-label="出力の結果" data-testid="export-result">
          <Text weight="semibold" data-testid="export-summary">
            出力 {last.written}行（{last.encodingLabel}）・出力しなかった行 {last.refused.length}行
            {last.deliveries.length > 0 ? `　方法：${last.deliveries.map((d) => DELIVERY_LABEL[d]).join("、")}` : ""}
          </Text>
          {last.deliveries.includes("downloaded") && <Text size={200}>ファイル名：{last.fileName}</Text>}
          {last.sheetName && <Text size={200}>シート：{last.sheetName}</Text>}
          {last.uncheckedColumns && last.uncheckedColumns.length > 0 && (
            <Text size={200} data-testid="unchecked-columns">
              次の列はマスタと照合せずに出力しました：{last.uncheckedColumns.map((c) => `${c}列`).join("、")}
            </Text>
          )}
          {last.cleared && last.cleared.length > 0 && (
            <>
              <Text size={200}>入力不要の列の値は出力しませんでした（空欄で出力）：{last.cleared.length}件</Text>
              <ul className={styles.list} data-testid="cleared-values">
                {last.cleared.map((c) => (
                  <li key={`${c.source}#${c.row}#${c.column}`}>
                    {c.source} {c.row}行目 {c.column}列「{c.value}」
                  </li>
                ))}
              </ul>
            </>
          )}
          <RefusedRows groups={last.refusedGroups} />
        </Card>
      )}
    </div>
  );
}
