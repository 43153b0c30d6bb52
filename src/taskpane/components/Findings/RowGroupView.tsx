import { Badge, Button, makeStyles, tokens } from "@fluentui/react-components";
import { Fragment, memo } from "react";
import type { RowStatus } from "../../../domain";
import { findingKey, type RowGroup } from "../../state/findings-view";
import { usePane, usePaneState } from "../../state/pane-context";
import { FindingItem } from "./FindingItem";
import { FixNote } from "./FixNote";

const useStyles = makeStyles({
  group: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalXS },
  heading: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, margin: 0, fontSize: tokens.fontSizeBase300 },
  list: { listStyleType: "none", margin: 0, padding: 0 },
});

export const STATUS_LABEL: Record<RowStatus, string> = { complete: "完了", incomplete: "未完了", gap: "空行" };
export const STATUS_COLOR: Record<RowStatus, "success" | "danger" | "warning"> = { complete: "success", incomplete: "warning", gap: "danger" };

/**
 * The findings of one row, under a heading that opens the row. The confirmation of a one-click fix comes before the
 * finding it names when that is not the row's first (before the whole row otherwise: see Findings).
 */
export const RowGroupView = memo(function RowGroupView({ group, next }: { group: RowGroup; next: ReadonlyMap<string, string | undefined> }) {
  const pane = usePane();
  const noteNear = usePaneState((s) => s.fixNote?.near);
  const styles = useStyles();
  const headingId = `row-${group.row}-heading`;
  return (
    <section className={styles.group} aria-labelledby={headingId} data-row={group.row} data-status={group.status}>
      <h3 id={headingId} className={styles.heading}>
        <Button
          size="small"
          appearance="transparent"
          aria-label={`${group.row}行目の詳細を開く`}
          onClick={() => void pane.openRow(group.row, group.findings[0]?.place.column)}
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
        {group.findings.map((f, i) => {
          const key = findingKey(f);
          return (
            <Fragment key={`${key}:${i}`}>
              {i > 0 && noteNear === key && (
                <li>
                  <FixNote />
                </li>
              )}
              <FindingItem finding={f} near={next.get(key)} />
            </Fragment>
          );
        })}
      </ul>
    </section>
  );
});
