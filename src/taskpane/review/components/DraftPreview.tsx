import { Card, Text, makeStyles, tokens } from "@fluentui/react-components";
import { PASSWORD_MASK } from "../../../domain";
import { useReviewState } from "../review-context";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  mail: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  head: { margin: 0, display: "grid", gridTemplateColumns: "auto 1fr", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS },
  term: { fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap" },
  value: { margin: 0, overflowWrap: "anywhere" },
  body: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase200,
    maxHeight: "320px",
    overflowY: "auto",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

const PART_LABEL = { single: "メール", id: "1通目（利用者ID・URL）", password: "2通目（初期パスワード）" } as const;

/** The first account's mail(s) as drafted, password masked: read before the drafts are saved. */
export function DraftPreview() {
  const styles = useStyles();
  const preview = useReviewState((s) => s.mail.preview);
  if (preview.length === 0) return null;
  return (
    <Card aria-label="下書きのプレビュー" data-testid="draft-preview" className={styles.root}>
      <Text weight="semibold">下書きのプレビュー（1人目）</Text>
      <Text size={200}>初期パスワードは「{PASSWORD_MASK}」と伏せて表示しています。保存する下書きには入っています。</Text>
      {preview.map((m) => (
        <section key={m.fileName} className={styles.mail} aria-label={PART_LABEL[m.part]} data-testid="preview-mail" data-part={m.part}>
          {preview.length > 1 && <Text weight="semibold">{PART_LABEL[m.part]}</Text>}
          <dl className={styles.head}>
            <dt className={styles.term}>宛先</dt>
            <dd className={styles.value} data-testid="preview-to">
              {m.to}
            </dd>
            <dt className={styles.term}>件名</dt>
            <dd className={styles.value} data-testid="preview-subject">
              {m.subject}
            </dd>
          </dl>
          <pre className={styles.body} data-testid="preview-body" tabIndex={0} aria-label={`${PART_LABEL[m.part]}の本文`}>
            {m.body}
          </pre>
        </section>
      ))}
    </Card>
  );
}
