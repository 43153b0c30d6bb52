import { FormProfileSchema, type FormProfile } from "./schema";

export type ProfileLoadResult = { ok: true; profile: FormProfile } | { ok: false; errors: string[] };

/** Validates profile data (parsed JSON). Errors name the path in the profile and say what is wrong, in Japanese. */
export function loadProfile(data: unknown): ProfileLoadResult {
  const parsed = FormProfileSchema.safeParse(data);
  if (parsed.success) return { ok: true, profile: parsed.data };
  const errors = parsed.error.issues.map((issue) => {
    const where = issue.path.length ? issue.path.join(".") : "（全体）";
    return `様式プロファイルの ${where}: ${issue.message}`;
  });
  return { ok: false, errors };
}

/** Parses profile JSON text; a syntax error is a load error like any other. */
export function loadProfileJson(text: string): ProfileLoadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`様式プロファイルがJSONとして読めません: ${(e as Error).message}`] };
  }
  return loadProfile(data);
}
