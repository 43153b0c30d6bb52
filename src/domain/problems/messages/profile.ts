import { entry, type CatalogueEntry } from "../entry";

/** A form profile (--profile) that cannot be used. detail = zod's or the JSON parser's own words. */
export const PROFILE_MESSAGES = {
  "profile.empty": entry("error", () => "様式プロファイルが空です（JSON形式で記述してください）。"),
  "profile.not-json": entry("error", (p) => `様式プロファイルがJSONとして読めません${p.where ? `（${p.where}付近）` : ""}: ${p.detail}`),
  "profile.invalid": entry("error", (p) => `様式プロファイルの ${p.path}: ${p.detail}`),
} satisfies Record<string, CatalogueEntry>;
