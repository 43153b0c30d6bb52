import type { z as Z } from "zod";
import { problem, type Problem } from "../problems/problem";
import { onFirstUse, zod } from "../zod";
import { profileSchemas, type FormProfile } from "./schema";

export type ProfileLoadResult = { ok: true; profile: FormProfile } | { ok: false; problems: Problem[] };

/** zod's Japanese messages, with a plainer one for a field that is not there at all. */
const profileError = onFirstUse((): Z.core.$ZodErrorMap => {
  const japanese = zod().locales.ja().localeError;
  return (issue) => (issue.code === "invalid_type" && issue.input === undefined ? "必須の項目がありません" : japanese(issue));
});

/** Validates profile data (parsed JSON). Errors name the path in the profile and say what is wrong, in Japanese. */
export function loadProfile(data: unknown): ProfileLoadResult {
  const parsed = profileSchemas().FormProfileSchema.safeParse(data, { error: profileError() });
  if (parsed.success) return { ok: true, profile: parsed.data };
  const problems = parsed.error.issues.map((issue) => problem("profile.invalid", { path: issue.path.length ? issue.path.join(".") : "（全体）", detail: issue.message }));
  return { ok: false, problems };
}

/** "3行目 5文字目" for a character offset in the text. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split("\n");
  return `${before.length}行目 ${[...before[before.length - 1]].length + 1}文字目`;
}

/** Parses profile JSON text; a syntax error is a load error like any other, with its place when the parser gives it. */
export function loadProfileJson(text: string): ProfileLoadResult {
  if (text.trim() === "") return { ok: false, problems: [problem("profile.empty")] };
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const message = (e as Error).message;
    const at = /at position (\d+)/.exec(message);
    return { ok: false, problems: [problem("profile.not-json", { where: at ? lineAndColumn(text, Number(at[1])) : undefined, detail: message })] };
  }
  return loadProfile(data);
}
