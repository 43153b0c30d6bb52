import { Field, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { useReviewController, useReviewState } from "../review-context";
import { NOTE_AT } from "../review-state";
import { SENDER_MAX } from "../sender-memory";
import { ActionNote } from "./ActionNote";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  pre: { whiteSpace: "pre-wrap", fontFamily: "inherit", margin: 0, maxHeight: "240px", overflowY: "auto", backgroundColor: tokens.colorNeutralBackground3, padding: tokens.spacingHorizontalS },
});

/** The 差戻し letter of one submission as it will be sent (dated today), and the sender block it ends with. */
export function SendBackLetter({ id }: { id: string }) {
  const styles = useStyles();
  const review = useReviewController();
  const sender = useReviewState((s) => s.sendBackSender ?? "");
  const [text, setText] = useState(sender);
  useEffect(() => setText(sender), [sender]);
  return (
    <div className={styles.box}>
      <Field label="差出人（差戻し文の末尾に入ります。このパソコンに記憶します）" hint="例：〇〇市保健所 感染症対策課　担当 山田（電話 03-xxxx-xxxx）">
        <Textarea
          value={text}
          maxLength={SENDER_MAX}
          aria-label="差戻し文の差出人"
          data-testid="sendback-sender"
          onChange={(_, d) => setText(d.value)}
          onBlur={() => {
            if (text !== sender) review.setSendBackSender(text);
          }}
        />
      </Field>
      <ActionNote at={NOTE_AT.sender} />
      <pre className={styles.pre} data-testid="sendback-text" tabIndex={0} aria-label={`${id}の差戻し文`}>
        {review.sendBackPreview(id)}
      </pre>
    </div>
  );
}
