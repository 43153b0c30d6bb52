import { readFileSync } from "node:fs";
import { addMasters, applicationRecords, checkFormSheet, DEFAULT_PROFILE, matchAccounts, mastersFromSheets, readIssuedCsv, type MatchResult } from "../../../src/domain";
import { readWorkbook } from "../../../src/cli/read-workbook";
import { SAMPLE_FORM, SAMPLE_ISSUED } from "../../support/samples";
import { findFormSheets } from "../../support/exceljs-sheets";

/** The sample issued-accounts.csv matched against the sample form, as the pane and the CLI do it. */
export async function sampleMatches(source = "application-form.xlsx:申請様式"): Promise<MatchResult> {
  const sheets = await readWorkbook(SAMPLE_FORM);
  const form = findFormSheets(sheets, DEFAULT_PROFILE)[0];
  const checker = checkFormSheet(form, DEFAULT_PROFILE, addMasters({}, mastersFromSheets(sheets, DEFAULT_PROFILE, SAMPLE_FORM)));
  const read = readIssuedCsv(readFileSync(SAMPLE_ISSUED));
  if (read.status !== "ok") throw new Error("sample CSV did not read");
  return matchAccounts(read.accounts, applicationRecords(source, checker));
}

/** The initial passwords of the sample CSV (to assert they appear only where they must). */
export const SAMPLE_PASSWORDS = [
  "Init#1234Ab",
  "Init#9153Ab",
  "Init#7072Ab",
  "Init#4991Ab",
  "Init#2910Ab",
  "Init#829Ab",
  "Init#8748Ab",
  "Init#6667Ab",
  "Init#4586Ab",
  "Init#2505Ab",
];
