import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { ErrorCircle16Filled, Info16Filled, Warning16Filled, Wrench16Regular } from "@fluentui/react-icons";
import { memo } from "react";
import type { Finding } from "../../../domain";
import { fixLabel, fixPreview } from "../../state/fix-kinds";
import { usePane } from "../../state/pane-context";

const useStyles = makeStyles({
  item: {
    display: "grid",
    gridTemplateColumns: "auto auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    alignItems: "start",
    padding: `${tokens.spacingVerticalXS} 0`,
  },
  icon: { paddingTop: "2px" },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground3 },
  cell: { minWidth: "auto", fontFamily: tokens.fontFamilyMonospace },
  message: { wordBreak: "break-word" },
  fix: { gridColumn: "3", justifySelf: "start", height: "auto", textAlign: "left" },
});

const SEVERITY_LABEL = { error: "エラー", warning: "警告", info: "情報" } as const;

/** One finding: severity, the cell (a button that selects it in the sheet), the message, and its one-click fix. */
export const FindingItem = memo(function FindingItem({ finding }: { finding: Finding }) {
  const pane = usePane();
  const styles = useStyles();
  const address = `${finding.column}${finding.row}`;
  const Icon = finding.severity === "error" ? ErrorCircle16Filled : finding.severity === "warning" ? Warning16Filled : Info16Filled;
  return (
    <li className={styles.item} data-finding={finding.code} data-cell={address} data-severity={finding.severity}>
      <span className={`${styles.icon} ${styles[finding.severity]}`}>
        <Icon aria-label={SEVERITY_LABEL[finding.severity]} />
      </span>
      <Button
        size="small"
        appearance="subtle"
        className={styles.cell}
        aria-label={`セル ${address} を選択`}
        onClick={() => void pane.select(finding)}
      >
        {address}
      </Button>
      <span className={styles.message}>{finding.message}</span>
      {finding.fix !== undefined && (
        <Button
          size="small"
          appearance="outline"
          icon={<Wrench16Regular />}
          className={styles.fix}
          aria-label={`修正：${fixPreview(finding.fix)}（${address}、${fixLabel(finding.code)}）`}
          onClick={() => void pane.applyFix(finding)}
          data-fix={address}
        >
          修正：{fixPreview(finding.fix)}
        </Button>
      )}
    </li>
  );
});
