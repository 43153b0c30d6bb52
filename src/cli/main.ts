import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { DEFAULT_PROFILE, displayText, loadProfileJson, messageOf, type FormProfile } from "../domain";
import { runAnnotate } from "./commands/annotate";
import { runCheck } from "./commands/check";
import { runDiff } from "./commands/diff";
import { runExport } from "./commands/export";
import { runMail } from "./commands/mail";
import { runTemplate } from "./commands/template";
import { fileErrorText } from "./file-error-text";
import { Progress } from "./progress";
import { UnreadableFileError } from "./read-workbook";
import { USAGE, UsageError } from "./usage";

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const OPTIONS = {
  masters: { type: "string", multiple: true },
  json: { type: "boolean" },
  profile: { type: "string" },
  out: { type: "string" },
  encoding: { type: "string" },
  "no-header": { type: "boolean" },
  "include-16": { type: "boolean" },
  "no-masters": { type: "boolean" },
  view: { type: "string" },
  form: { type: "string", multiple: true },
  issued: { type: "string" },
  "issued-columns": { type: "string" },
  url: { type: "string" },
  split: { type: "boolean" },
  template: { type: "string" },
  from: { type: "string" },
  progress: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  jurisdiction: { type: "string", multiple: true },
} as const;

/** Node's parseArgs errors (English) as Japanese, naming the option and what to do. */
export function parseArgsMessage(e: Error & { code: string }): string {
  const option = /'([^']+)'/.exec(e.message)?.[1];
  const name = option ? displayText(option.split(/[ ,]/)[0]) : "";
  switch (e.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `不明なオプション「${name}」です。綴りを確認してください（使えるオプションは下の「使い方」にあります）。`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return `オプション「${name}」の値の指定が正しくありません。${/argument missing/.test(e.message) ? "値を続けて指定してください（例：--out reg.csv）。" : "このオプションには値を付けずに指定してください。"}`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `余分な引数「${name}」があります。ファイルは --form などのオプションで指定してください。`;
    default:
      return "コマンドの指定が正しくありません。下の「使い方」を確認してください。";
  }
}

function loadProfileFile(path: string | undefined): FormProfile {
  if (!path) return DEFAULT_PROFILE;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new UnreadableFileError(`様式プロファイル「${path}」を開けません：${fileErrorText(e)}`);
  }
  const loaded = loadProfileJson(text);
  if (!loaded.ok) throw new UsageError(`様式プロファイル「${path}」が正しくありません:\n  ${loaded.problems.map(messageOf).join("\n  ")}`);
  return loaded.profile;
}

/** Runs the CLI; returns the exit code (0 ok, 1 errors found, 2 usage or unreadable file). */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
    const [command, ...files] = positionals;
    if (values.help || !command) {
      io.out(USAGE + "\n");
      return values.help ? 0 : 2;
    }
    const profile = loadProfileFile(values.profile);
    const progress = new Progress(values.progress || process.stderr.isTTY === true);
    const masters = values.masters ?? [];
    switch (command) {
      case "check": {
        const view = values.view ?? "reviewer";
        if (view !== "institution" && view !== "reviewer") throw new UsageError("--view は institution（医療機関の立場）または reviewer（自治体の審査、既定）を指定してください。");
        return await runCheck({ forms: files, masters, json: values.json === true, view, profileFile: values.profile }, profile, progress, io.out, io.err);
      }
      case "export": {
        const encoding = values.encoding ?? "cp932";
        if (encoding !== "cp932" && encoding !== "utf8bom") throw new UsageError("--encoding は cp932 または utf8bom を指定してください。");
        return await runExport(
          {
            forms: files,
            masters,
            out: values.out,
            encoding,
            header: !values["no-header"],
            includeDeferred: values["include-16"] === true,
            noMasters: values["no-masters"] === true,
            otherInputs: values.profile ? [values.profile] : [],
          },
          profile,
          progress,
          io.out,
        );
      }
      case "mail":
        if (files.length > 0) throw new UsageError(`mail コマンドでは申請様式を --form で指定してください（余分な引数：${files.join(" ")}）。`);
        return await runMail(
          {
            forms: values.form ?? [],
            masters,
            issued: values.issued,
            url: values.url,
            out: values.out,
            split: values.split === true,
            template: values.template,
            from: values.from,
            issuedColumns: values["issued-columns"],
          },
          profile,
          progress,
          io.out,
          io.err,
        );
      case "template":
        if (files.length > 0) throw new UsageError(`template コマンドの出力先は --out で指定してください（余分な引数：${files.join(" ")}）。`);
        return await runTemplate({ out: values.out, masters, jurisdictions: values.jurisdiction ?? [] }, profile, progress, io.out);
      case "annotate":
        return await runAnnotate({ forms: files, masters, out: values.out, jurisdictions: values.jurisdiction ?? [], from: values.from }, profile, progress, io.out);
      case "diff":
        return await runDiff({ forms: files, masters, json: values.json === true }, profile, progress, io.out);
      default:
        throw new UsageError(`不明なコマンド「${command}」です。`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message.split("\n").map(displayText).join("\n")}\n\n${USAGE}\n`);
      return 2;
    }
    if ((e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(`${parseArgsMessage(e as Error & { code: string })}\n\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof UnreadableFileError) {
      io.err(`${e.message.split("\n").map(displayText).join("\n")}\n`);
      return 2;
    }
    throw e;
  }
}
