/**
 * Writes docs/report-schema.json, the JSON Schema of `nesid-account check --json`, from the zod schema in
 * src/domain/report/check-report.ts (the single source). Run after changing the report:
 *   npx tsx scripts/report-schema.ts
 * test/domain/report/check-report.test.ts fails when the committed file is not up to date.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { reportJsonSchema } from "../src/domain/report/check-report";

export const REPORT_SCHEMA_FILE = path.join(__dirname, "..", "docs", "report-schema.json");

export function reportSchemaText(): string {
  return JSON.stringify(reportJsonSchema(), null, 2) + "\n";
}

if (require.main === module) {
  writeFileSync(REPORT_SCHEMA_FILE, reportSchemaText());
  console.log(`wrote ${path.relative(process.cwd(), REPORT_SCHEMA_FILE)}`);
}
