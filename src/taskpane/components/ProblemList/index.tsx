import { makeStyles, tokens } from "@fluentui/react-components";
import { ErrorCircle16Filled, Info16Filled, Warning16Filled } from "@fluentui/react-icons";
import { messageOf, placeText, type Problem, problemsInOrder, SEVERITY_LABEL } from "../../../domain";

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: "none" },
  item: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "start",
    padding: `${tokens.spacingVerticalXXS} 0`,
  },
  icon: { paddingTop: "2px" },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground3 },
  text: { overflowWrap: "anywhere" },
  place: { display: "block", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

const ICONS = { error: ErrorCircle16Filled, warning: Warning16Filled, info: Info16Filled } as const;

/** Problems of any kind (files, issued CSV, templates, drafts) as one list: errors first, each with its severity and place. */
export function ProblemList({ problems, testId }: { problems: readonly Problem[]; testId?: string }) {
  const styles = useStyles();
  if (problems.length === 0) return null;
  return (
    <ul className={styles.list} data-testid={testId}>
      {problemsInOrder(problems).map((p, i) => {
        const Icon = ICONS[p.severity];
        const place = placeText(p.place);
        return (
          <li key={i} className={styles.item} data-severity={p.severity} data-code={p.code}>
            <span className={`${styles.icon} ${styles[p.severity]}`}>
              <Icon aria-label={SEVERITY_LABEL[p.severity]} />
            </span>
            <span className={styles.text}>
              {messageOf(p)}
              {place !== "" && <span className={styles.place}>{place}</span>}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
