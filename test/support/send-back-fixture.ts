/**
 * The send-back loop of issue 20 on real inputs: the sample form submitted without master sheets, with a code error
 * in each of K, I and AJ (unknown 保健所, 中核市コード that does not match K, unknown institution, a 定点 hospital on a
 * 09 row) besides the sample's own planted errors; checked by the reviewer against the sample's masters and marked up
 * for 差戻し (sendBackWorkbook), as the review tab and `annotate` do.
 */
import ExcelJS from "exceljs";
import { addMasters, checkFormSheet, DEFAULT_PROFILE, mastersFromSheets, sendBackWorkbook, type CellProblem, type MasterSet } from "../../src/domain";
import { readWorkbook } from "../../src/cli/read-workbook";
import { findFormSheets, workbookSheets } from "./exceljs-sheets";
import { SAMPLE_FORM } from "./samples";

/** The code errors put in the submission: cell → value. */
export const CODE_ERRORS = { K5: "99998", I6: "999999", AJ7: "9999999999", AJ8: "01100000" } as const;
export const LETTER_DATE = new Date(2026, 11, 6, 10, 0);
export const SENDER = "滋賀県健康医療福祉部 感染症対策課\n担当：山田（電話 077-000-0000）";

export interface SendBackFixture {
  /** The submission as sent (申請様式 only). */
  submitted: Uint8Array;
  /** The marked-up workbook. */
  marked: Uint8Array;
  /** What the letter lists (institution-facing findings of the one form sheet). */
  letterFindings: CellProblem[];
  masterSheets: string[];
  reviewerMasters: MasterSet;
}

export async function sendBackFixture(): Promise<SendBackFixture> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE_FORM);
  for (const ws of [...wb.worksheets]) if (ws.name !== "申請様式") wb.removeWorksheet(ws.id);
  const form = wb.getWorksheet("申請様式")!;
  for (const [address, value] of Object.entries(CODE_ERRORS)) form.getCell(address).value = value;
  const submitted = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);

  const reviewerMasters = addMasters({}, mastersFromSheets(await readWorkbook(SAMPLE_FORM), DEFAULT_PROFILE, SAMPLE_FORM));
  const forms = findFormSheets(workbookSheets(wb), DEFAULT_PROFILE);
  const checker = checkFormSheet(forms[0], DEFAULT_PROFILE, reviewerMasters);
  const result = await sendBackWorkbook(submitted, [{ sheet: forms[0].sheet, checker }], {
    fileName: "山手10医院.xlsx",
    remark: "コードを確認してください。",
    date: LETTER_DATE,
    sender: SENDER,
  });
  return { submitted, marked: result.bytes, letterFindings: result.marked[0].findings, masterSheets: result.masterSheets, reviewerMasters };
}

/** "K5:error" keys of findings, sorted. */
export const cellKeys = (findings: readonly CellProblem[], severity: "error" | "warning" = "error") =>
  findings
    .filter((f) => f.severity === severity)
    .map((f) => `${f.place.column}${f.place.row}`)
    .sort();
