import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Card, Checkbox, Field, Input, Switch, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { messageOf, PLACEHOLDERS, TEMPLATE_KIND_LABELS, type TemplateKind } from "../../../domain";
import { ProblemList } from "../../components/ProblemList";
import { useReviewController, useReviewState } from "../review-context";
import { REVIEW_MESSAGES } from "../review-messages";
import { DraftPreview } from "./DraftPreview";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "flex-end" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  body: { minHeight: "200px" },
});

/** The system URL, the mail templates, and the drafts made from the matched accounts (mailto or .eml). */
export function MailDrafts() {
  const styles = useStyles();
  const review = useReviewController();
  const mail = useReviewState((s) => s.mail);
  const hasMatch = useReviewState((s) => s.match !== undefined);
  const [url, setUrl] = useState(mail.url);
  const [remember, setRemember] = useState(mail.urlRemembered || mail.url === "");
  const kinds: TemplateKind[] = mail.split ? ["idMail", "passwordMail"] : ["single"];
  // The URL's problem (found as it is entered, or when drafting) is shown at the URL box; the list keeps the others.
  const draftUrlProblem = mail.problems.find((p) => p.code.startsWith("url."));
  const urlProblem = mail.urlProblem ?? draftUrlProblem;
  const otherProblems = mail.problems.filter((p) => p !== draftUrlProblem);
  const draftWhy = hasMatch ? undefined : "下書きを作成できません：先に発行結果CSVを読み込み、承認した申請の行と照合してください。";
  const zipWhy = mail.drafts.length > 0 ? undefined : "保存できません：先に「メールの下書きを作成」を押してください。";
  const tooLong = mail.drafts.filter((d) => !d.mailtoFits).length;
  return (
    <Card aria-label="通知メール" data-testid="mail-drafts">
      <Field
        label="システムのURL（一般非公開。このPCにだけ記憶します）"
        required
        validationState={urlProblem ? "error" : "none"}
        validationMessage={urlProblem ? messageOf(urlProblem) : undefined}
        data-testid="url-field"
      >
        <Input
          type="url"
          value={url}
          aria-label="システムのURL"
          onChange={(_, d) => {
            setUrl(d.value);
            // Once a problem is shown, it goes as soon as the URL is right.
            if (mail.urlProblem) review.setUrl(d.value, remember);
          }}
          onBlur={() => review.setUrl(url, remember)}
          placeholder="https://"
        />
      </Field>
      <div className={styles.row}>
        <Checkbox
          checked={remember}
          onChange={(_, d) => {
            setRemember(d.checked === true);
            review.setUrl(url, d.checked === true);
          }}
          label="このPCに記憶する（正しいURLだけ）"
        />
        {/* Always there (disabled while nothing is remembered): appearing on blur would move the buttons below under the pointer. */}
        <Button
          size="small"
          disabledFocusable={!mail.urlRemembered}
          title={mail.urlRemembered ? undefined : "このPCに記憶したURLはありません"}
          onClick={() => {
            setUrl("");
            review.forgetUrl();
          }}
        >
          記憶したURLを消去
        </Button>
      </div>
      <Switch checked={mail.split} onChange={(_, d) => review.setMailOptions({ split: d.checked })} label="初期パスワードを別のメールにする（おすすめ）" aria-describedby="split-why" />
      <Text size={200} id="split-why" data-testid="split-why">
        {mail.split ? REVIEW_MESSAGES.notify.splitWhy() : REVIEW_MESSAGES.notify.singleWarning()}
      </Text>
      <Accordion collapsible>
        <AccordionItem value="template">
          <AccordionHeader size="small">メールの文面（テンプレート）を編集</AccordionHeader>
          <AccordionPanel>
            <Text size={200}>使える差し込み：{PLACEHOLDERS.map((p) => `{${p}}`).join(" ")}</Text>
            {kinds.map((k) => (
              <div key={k}>
                <Field label={`${TEMPLATE_KIND_LABELS[k]}の件名`}>
                  <Input value={mail.templates[k].subject} onChange={(_, d) => review.setMailOptions({ templates: { ...mail.templates, [k]: { ...mail.templates[k], subject: d.value } } })} />
                </Field>
                <Field label={`${TEMPLATE_KIND_LABELS[k]}の本文`}>
                  <Textarea
                    className={styles.body}
                    value={mail.templates[k].body}
                    onChange={(_, d) => review.setMailOptions({ templates: { ...mail.templates, [k]: { ...mail.templates[k], body: d.value } } })}
                  />
                </Field>
              </div>
            ))}
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabledFocusable={draftWhy !== undefined}
          aria-describedby={draftWhy ? "draft-why" : undefined}
          onClick={() => {
            review.setUrl(url, remember);
            review.draftMails();
          }}
        >
          メールの下書きを作成
        </Button>
        <Button disabledFocusable={zipWhy !== undefined} aria-describedby={zipWhy ? "zip-why" : undefined} onClick={() => review.downloadDraftsZip()}>
          下書きをまとめて保存（.zip）
        </Button>
      </div>
      {draftWhy && (
        <Text size={200} id="draft-why" data-testid="draft-why">
          {draftWhy}
        </Text>
      )}
      {zipWhy && !draftWhy && (
        <Text size={200} id="zip-why" data-testid="zip-why">
          {zipWhy}
        </Text>
      )}
      <ProblemList problems={otherProblems} testId="draft-problems" />
      {tooLong > 0 && (
        <Text size={200} data-testid="eml-note">
          {tooLong === mail.drafts.length ? REVIEW_MESSAGES.notify.emlAll() : REVIEW_MESSAGES.notify.emlSome(tooLong)}
        </Text>
      )}
      <DraftPreview />
      {mail.drafts.length > 0 && (
        <ul className={styles.list} data-testid="draft-list">
          {mail.drafts.map((d) => (
            <li key={d.fileName}>
              {d.fileName}：{d.to}「{d.subject}」{" "}
              {d.mailtoFits ? (
                <Button size="small" onClick={() => review.openMailto(d.userId, d.part)}>
                  メールを作成
                </Button>
              ) : (
                <Text size={200}>（.eml で送る）</Text>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
