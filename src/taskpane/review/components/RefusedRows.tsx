import { Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { refusalText, type RefusedGroup } from "../../../domain";
import { useReviewController } from "../review-context";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalM, listStyleType: "none" },
  cell: { textAlign: "left", overflowWrap: "anywhere" },
});

/**
 * What the CSV left out, grouped (groupRefusedRows): rows with errors in approved submissions first, each row a link
 * that selects its cell on the submission's sheet; a submission not approved is one line with its count.
 */
export function RefusedRows({ groups }: { groups: readonly RefusedGroup[] }) {
  const styles = useStyles();
  const review = useReviewController();
  if (groups.length === 0) return null;
  const notApproved = groups.some((g) => g.kind === "not-approved");
  return (
    <div className={styles.root} data-testid="refused-rows">
      {groups.map((g) => (
        <div key={`${g.kind}-${g.id}`} className={styles.group} data-testid="refused-group" data-kind={g.kind} data-id={g.id}>
          <Text weight={g.kind === "errors" ? "semibold" : "regular"}>{g.title}</Text>
          {g.lines.length > 0 && (
            <ul className={styles.list}>
              {g.lines.map((l) => (
                <li key={l.row} data-testid="refused-row">
                  <Link as="button" className={styles.cell} data-testid="refused-cell" aria-label={`${g.id} ${l.row}行目（${l.cell}）を選択`} onClick={() => void review.goToRefusedCell(g.id, l.cell)}>
                    {l.row}行目（{l.cell}）
                  </Link>
                  <ul className={styles.reasons}>
                    {l.reasons.map((reason, i) => (
                      <li key={i}>{refusalText(reason)}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      {notApproved && <Text size={200}>「承認」にしていない申請の行は、判定が理由で出力しません（行ごとの理由は「① 受付・審査」で確認できます）。</Text>}
    </div>
  );
}
