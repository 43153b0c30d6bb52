import { SEVERITY_LABEL, messageOf, type CellProblem } from "../../../domain";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { ErrorCircle16Filled, Info16Filled, Warning16Filled, Wrench16Regular } from "@fluentui/react-icons";
import { memo } from "react";
import { fixLabel, fixPreview } from "../../state/fix-kinds";
import { usePane } from "../../state/pane-context";

const useStyles = makeStyles({
  item: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalXS,
    rowGap: tokens.spacingVerticalXXS,
    alignItems: "start",
    padding: `${tokens.spacingVerticalXXS} 0`,
  },
  icon: { paddingTop: "6px" },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground3 },
  // The whole message goes to the cell: one control, wrapping like text.
  link: {
    display: "block",
    width: "100%",
    minWidth: 0,
    height: "auto",
    textAlign: "left",
    whiteSpace: "normal",
    overflowWrap: "anywhere",
    fontWeight: tokens.fontWeightRegular,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalS },
  fix: { gridColumn: "2", justifySelf: "start", maxWidth: "100%", height: "auto", textAlign: "left", whiteSpace: "normal", overflowWrap: "anywhere" },
});


/**
 * One finding: severity, then the cell and the message as one button that selects the cell in the sheet, and the
 * one-click fix. `near` is the finding the fix's confirmation is shown before (see neighbours); without it the
 * confirmation goes to the top of the list it is in.
 */
export const FindingItem = memo(function FindingItem({ finding, near }: { finding: CellProblem; near?: string }) {
  const pane = usePane();
  const styles = useStyles();
  const address = `${finding.place.column}${finding.place.row}`;
  const Icon = finding.severity === "error" ? ErrorCircle16Filled : finding.severity === "warning" ? Warning16Filled : Info16Filled;
  return (
    <li className={styles.item} data-finding={finding.code} data-cell={address} data-severity={finding.severity}>
      <span className={`${styles.icon} ${styles[finding.severity]}`}>
        <Icon aria-label={SEVERITY_LABEL[finding.severity]} />
      </span>
      <Button
        appearance="subtle"
        className={styles.link}
        aria-label={`${address} ${messageOf(finding)}（セル ${address} を選択）`}
        onClick={() => void pane.select(finding)}
        data-select={address}
      >
        <span className={styles.cell}>{address}</span> {messageOf(finding)}
      </Button>
      {finding.fix !== undefined && (
        <Button
          size="small"
          appearance="outline"
          icon={<Wrench16Regular />}
          className={styles.fix}
          aria-label={`修正：${fixPreview(finding.fix)}（${address}、${fixLabel(finding, pane.cellText(address))}）`}
          onClick={() => void pane.applyFix(finding, near ?? "")}
          data-fix={address}
        >
          修正：{fixPreview(finding.fix)}
        </Button>
      )}
    </li>
  );
});
