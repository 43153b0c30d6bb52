import { makeStyles, tokens } from "@fluentui/react-components";
import type { RowDetail } from "../../state/row-detail";
import { HealthCenterPicker } from "./HealthCenterPicker";
import { InstitutionPicker } from "./InstitutionPicker";

const useStyles = makeStyles({
  pickers: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

/** The row's pickers (loaded on demand: not needed at first paint). */
export default function Pickers({ detail }: { detail: RowDetail }) {
  const styles = useStyles();
  return (
    <div className={styles.pickers}>
      <HealthCenterPicker detail={detail} />
      <InstitutionPicker detail={detail} />
    </div>
  );
}
