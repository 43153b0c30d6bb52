import { messageOf } from "../../../domain/problems/problem";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Card,
  Checkbox,
  Field,
  Input,
  Select,
  Switch,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useRef, useState } from "react";
import { ISSUED_FIELD_LABELS, ISSUED_FIELDS, REQUIRED_ISSUED_FIELDS, isRequiredIssuedField, PLACEHOLDERS, TEMPLATE_KIND_LABELS, columnLetter, type IssuedColumnMapping, type TemplateKind } from "../../../domain";
import { useReviewController, useReviewState } from "../../review/review-context";
import { ProblemList } from "../ProblemList";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "flex-end" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  body: { minHeight: "200px" },
});

/** 作業④: the issued accounts CSV in, matched to approved rows, the mails drafted. Passwords never leave memory except into drafts the user saves. */
export function ReviewNotify() {
  const styles = useStyles();
  const review = useReviewController();
  const issued = useReviewState((s) => s.issued);
  const holds = useReviewState((s) => s.holdsPasswords);
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className={styles.root}>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => input.current?.click()}>
          発行結果CSVを読み込む
        </Button>
        <input
          ref={input}
          type="file"
          accept=".csv,.txt,text/csv"
          hidden
          data-testid="issued-file-input"
          aria-label="発行結果CSV"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file) await review.loadIssued(file.name, new Uint8Array(await file.arrayBuffer()));
          }}
        />
        {holds && (
          <Button onClick={() => review.forgetPasswords()} data-testid="forget-passwords">
            初期パスワードを忘れる
          </Button>
        )}
      </div>
      {holds && (
        <Text size={200} data-testid="password-reminder">
          初期パスワードはこの画面のメモリにだけあり、ブック・設定・ログには保存しません。メールを送ったら「初期パスワードを忘れる」を押し、発行結果CSVのファイルを削除してください。
        </Text>
      )}
      {issued && <IssuedSummary />}
      {issued?.status === "needs-mapping" && <ColumnMapping />}
      <MatchLists />
      <MailDrafts />
    </div>
  );
}

function IssuedSummary() {
  const issued = useReviewState((s) => s.issued)!;
  return (
    <Card aria-label="発行結果CSV" data-testid="issued-summary">
      <Text weight="semibold">
        {issued.fileName}
        {issued.encodingLabel ? `（${issued.encodingLabel}）` : ""}：{issued.status === "ok" ? `アカウント ${issued.accounts}件` : issued.status === "needs-mapping" ? "列の指定が必要です" : "読み込めません"}
      </Text>
      <ProblemList problems={issued.problems} testId="issued-problems" />
    </Card>
  );
}

/** The mapping step: which column holds which field, like a spreadsheet's import wizard. */
function ColumnMapping() {
  const styles = useStyles();
  const review = useReviewController();
  const issued = useReviewState((s) => s.issued)!;
  const [mapping, setMapping] = useState<Partial<IssuedColumnMapping>>(issued.mapping);
  const [hasHeader, setHasHeader] = useState(issued.hasHeader);
  const columns = issued.header.map((h, i) => ({ i, label: `${columnLetter(i)}列${hasHeader && h ? `「${h}」` : ""}` }));
  return (
    <Card aria-label="列の指定" data-testid="column-mapping">
      <Text>どの列に何が入っているかを選んでください（{REQUIRED_ISSUED_FIELDS.map((f) => ISSUED_FIELD_LABELS[f]).join("・")}は必須）。</Text>
      <Checkbox checked={hasHeader} onChange={(_, d) => setHasHeader(d.checked === true)} label="1行目は見出し" />
      <div className={styles.row}>
        {ISSUED_FIELDS.map((f) => (
          <Field key={f} label={ISSUED_FIELD_LABELS[f]} required={isRequiredIssuedField(f)}>
            <Select
              aria-label={`${ISSUED_FIELD_LABELS[f]}の列`}
              value={mapping[f] === undefined ? "" : String(mapping[f])}
              onChange={(_, d) => setMapping((m) => ({ ...m, [f]: d.value === "" ? undefined : Number(d.value) }))}
            >
              <option value="">（なし）</option>
              {columns.map((c) => (
                <option key={c.i} value={c.i}>
                  {c.label}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
      <Button appearance="primary" onClick={() => review.applyMapping(mapping, hasHeader)}>
        この指定で読み込む
      </Button>
    </Card>
  );
}

function MatchLists() {
  const styles = useStyles();
  const review = useReviewController();
  const match = useReviewState((s) => s.match);
  const [choice, setChoice] = useState<Record<string, string>>({});
  if (!match) return null;
  const open = [...match.ambiguous.map((a) => ({ userId: a.userId, label: `${a.userId}（${a.name || "利用者名なし"}、CSV ${a.line}行目）`, options: a.candidates })),
    ...match.unmatchedAccounts.map((a) => ({ userId: a.userId, label: `${a.userId}（${a.name || "利用者名なし"}、${a.email || "メールなし"}、CSV ${a.line}行目）`, options: match.unmatchedRecords }))];
  return (
    <Card aria-label="照合の結果" data-testid="match-result">
      <Text weight="semibold" data-testid="match-summary">
        照合: 対応付け {match.matched.length}件・候補が複数 {match.ambiguous.length}件・申請に見つからない {match.unmatchedAccounts.length}件・アカウントのない申請行 {match.unmatchedRecords.length}件
      </Text>
      <Accordion collapsible multiple>
        <AccordionItem value="matched">
          <AccordionHeader size="small">対応付けできたアカウント（{match.matched.length}件）</AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list}>
              {match.matched.map((m) => (
                <li key={m.userId}>
                  {m.userId} → {m.where}（{m.how}）{m.differences.map((d, i) => <div key={i}>※ {d}</div>)}
                </li>
              ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
        {match.unmatchedRecords.length > 0 && (
          <AccordionItem value="records">
            <AccordionHeader size="small">アカウントが見つからない申請行（{match.unmatchedRecords.length}件）</AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list}>
                {match.unmatchedRecords.map((r) => (
                  <li key={r.key}>{r.where}</li>
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        )}
      </Accordion>
      {open.length > 0 && (
        <>
          <Text>対応付けできなかったアカウント：申請の行を選んで「対応付ける」を押してください。</Text>
          {open.map((a) => (
            <div key={a.userId} className={styles.row} data-testid="unmatched-account">
              <Field label={a.label}>
                <Select aria-label={`${a.userId}に対応する申請の行`} value={choice[a.userId] ?? ""} onChange={(_, d) => setChoice((c) => ({ ...c, [a.userId]: d.value }))}>
                  <option value="">（選択してください）</option>
                  {a.options.map((o) => (
                    <option key={o.key} value={o.key}>
                      {o.where}
                    </option>
                  ))}
                </Select>
              </Field>
              <Button disabled={!choice[a.userId]} onClick={() => review.pair(a.userId, choice[a.userId])}>
                対応付ける
              </Button>
            </div>
          ))}
        </>
      )}
    </Card>
  );
}

function MailDrafts() {
  const styles = useStyles();
  const review = useReviewController();
  const mail = useReviewState((s) => s.mail);
  const hasMatch = useReviewState((s) => s.match !== undefined);
  const [url, setUrl] = useState(mail.url);
  const [remember, setRemember] = useState(mail.urlRemembered || mail.url === "");
  const kinds: TemplateKind[] = mail.split ? ["idMail", "passwordMail"] : ["single"];
  // The URL's problem is shown at the URL box; the list under the buttons keeps the others.
  const urlProblem = mail.problems.find((p) => p.code.startsWith("url."));
  const otherProblems = mail.problems.filter((p) => p !== urlProblem);
  const draftWhy = hasMatch ? undefined : "下書きを作成できません：先に発行結果CSVを読み込み、承認した申請の行と照合してください。";
  const zipWhy = mail.drafts.length > 0 ? undefined : "保存できません：先に「メールの下書きを作成」を押してください。";
  const tooLong = mail.drafts.some((d) => !d.mailtoFits);
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
          onChange={(_, d) => setUrl(d.value)}
          onBlur={() => review.setUrl(url, remember)}
          placeholder="https://"
        />
      </Field>
      <div className={styles.row}>
        <Checkbox checked={remember} onChange={(_, d) => setRemember(d.checked === true)} label="このPCに記憶する" />
        {mail.urlRemembered && (
          <Button
            appearance="subtle"
            onClick={() => {
              setUrl("");
              review.forgetUrl();
            }}
          >
            記憶したURLを消去
          </Button>
        )}
      </div>
      <Switch checked={mail.split} onChange={(_, d) => review.setMailOptions({ split: d.checked })} label="利用者ID・URLと初期パスワードを別々のメールにする" />
      <Accordion collapsible>
        <AccordionItem value="template">
          <AccordionHeader size="small">メールの文面（テンプレート）を編集</AccordionHeader>
          <AccordionPanel>
            <Text size={200}>使える差し込み: {PLACEHOLDERS.map((p) => `{${p}}`).join(" ")}</Text>
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
      {tooLong && (
        <Text size={200} data-testid="eml-note">
          本文が長いため、「メールを作成」でメールソフトに直接渡せない下書きがあります。保存した .eml を開いて送ってください。
        </Text>
      )}
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
