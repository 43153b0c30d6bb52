import { Badge, Button, makeStyles, tokens } from "@fluentui/react-components";
import { memo } from "react";
import type { RowStatus } from "../../../domain";
import type { RowGroup } from "../../state/findings-view";
import { usePane } from "../../state/pane-context";
import { FindingItem } from "./FindingItem";

const useStyles = makeStyles({
  group: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalXS },
  heading: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, margin: 0, fontSize: tokens.fontSizeBase300 },
  list: { listStyleType: "none", margin: 0, padding: 0 },
});

export const STATUS_LABEL: Record<RowStatus, string> = { complete: "完了", incomplete: "未完了", gap: "空行" };
export const STATUS_COLOR: Record<RowStatus, "success" | "danger" | "warning"> = { complete: "success", incomplete: "warning", gap: "danger" };

/** The findings of one row, under a heading that opens the row. */
export const RowGroupView = memo(function RowGroupView({ group }: { group: RowGroup }) {
  const pane = usePane();
  const styles = useStyles();
  const headingId = `row-${group.row}-heading`;
  return (
    <section className={styles.group} aria-labelledby={headingId} data-row={group.row} data-status={group.status}>
      <h3 id={headingId} className={styles.heading}>
        <Button
          size="small"
          appearance="transparent"
          aria-label={`${group.row}行目の詳細を開く`}
          onClick={() => {
            void pane.select({ row: group.row, column: group.findings[0]?.column });
            pane.setView("row");
          }}
        >
          {group.row}行目
        </Button>
        {group.status && (
          <Badge appearance="tint" color={STATUS_COLOR[group.status]} data-testid="row-status">
            {STATUS_LABEL[group.status]}
          </Badge>
        )}
      </h3>
      <ul className={styles.list}>
        {group.findings.map((f, i) => (
          <FindingItem key={`${f.column}:${f.code}:${i}`} finding={f} />
        ))}
      </ul>
    </section>
  );
});
