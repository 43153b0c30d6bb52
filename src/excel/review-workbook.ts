// The reviewer's workbook operations (作業②③): the only Excel.run calls of the review features.
import { columnIndex, columnLetter } from "../domain";
import {
  PROVENANCE_COLUMNS,
  REVIEW_RECORD_SETTING,
  type ReviewCapabilities,
  type ReviewGateway,
  type SubmissionSheetInput,
  type SubmissionSheetResult,
  type TextSheetOptions,
} from "./review-gateway-types";
import { excelCell, widthOf } from "./cell-values";

/** Rows per write: keeps each request far below Excel on the web's 5 MB payload limit for 40-column rows. */
const ROWS_PER_WRITE = 500;
const TEXT = "@";

function supported(version: string): boolean {
  return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", version) === true;
}


export function createReviewGateway(caps?: ReviewCapabilities): ReviewGateway {
  const capabilities: ReviewCapabilities = caps ?? { insertWorksheets: supported("1.13"), settings: supported("1.4") };

  function writeBlock(ws: Excel.Worksheet, firstRow: number, firstCol: number, values: (string | number | boolean)[][], formats: string[][]): void {
    if (values.length === 0) return;
    const width = values[0].length;
    const address = `${columnLetter(firstCol)}${firstRow}:${columnLetter(firstCol + width - 1)}${firstRow + values.length - 1}`;
    const range = ws.getRange(address);
    range.numberFormat = formats;
    range.values = values;
  }

  async function copyValues(context: Excel.RequestContext, input: SubmissionSheetInput): Promise<void> {
    const ws = context.workbook.worksheets.add(input.sheetName);
    const width = widthOf(input.values, columnIndex("AN") + 1);
    for (let start = 0; start < input.values.length; start += ROWS_PER_WRITE) {
      const block = input.values.slice(start, start + ROWS_PER_WRITE);
      const cells = block.map((row) => Array.from({ length: width }, (_, i) => excelCell(row[i])));
      writeBlock(
        ws,
        start + 1,
        0,
        cells.map((r) => r.map((c) => c.value)),
        cells.map((r) => r.map((c) => c.format)),
      );
      // One sync per block keeps each request under Excel on the web's payload limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    }
  }

  function writeProvenance(ws: Excel.Worksheet, input: SubmissionSheetInput): void {
    if (input.rows.length === 0) return;
    const last = input.rows.reduce((a, b) => Math.max(a, b), 0);
    const wanted = new Set(input.rows);
    const values: string[][] = [["提出ファイル", "機関"]];
    for (let r = input.headerRow + 1; r <= last; r++) values.push(wanted.has(r) ? [input.provenance.fileName, input.provenance.institution] : ["", ""]);
    const from = input.provenanceColumn ?? PROVENANCE_COLUMNS.fileName;
    const range = ws.getRange(`${from}${input.headerRow}:${columnLetter(columnIndex(from) + 1)}${last}`);
    range.numberFormat = values.map(() => [TEXT, TEXT]);
    range.values = values;
  }

  return {
    capabilities: () => capabilities,

    sheetNames: () =>
      Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        await context.sync();
        return sheets.items.map((s) => s.name);
      }),

    readRecord: () =>
      Excel.run(async (context) => {
        if (!capabilities.settings) return null;
        const item = context.workbook.settings.getItemOrNullObject(REVIEW_RECORD_SETTING);
        item.load("value");
        await context.sync();
        if (item.isNullObject) return null;
        return typeof item.value === "string" ? item.value : JSON.stringify(item.value);
      }),

    writeRecord: (json) =>
      Excel.run(async (context) => {
        if (!capabilities.settings) throw new Error("この Excel ではブックに審査の記録を保存できません（ExcelApi 1.4 が必要です）。");
        context.workbook.settings.add(REVIEW_RECORD_SETTING, json);
        await context.sync();
      }),

    addSubmissionSheet: (input) =>
      Excel.run(async (context): Promise<SubmissionSheetResult> => {
        let how: SubmissionSheetResult["how"] = "copied";
        if (capabilities.insertWorksheets && input.base64) {
          try {
            const ids = context.workbook.insertWorksheetsFromBase64(input.base64, { sheetNamesToInsert: [input.sourceSheet], positionType: "End" });
            await context.sync();
            context.workbook.worksheets.getItem(ids.value[0]).name = input.sheetName;
            await context.sync();
            how = "inserted";
          } catch {
            // The host refused the file (protected, too large for the web, …): the values are copied instead.
            how = "copied";
          }
        }
        if (how === "copied") await copyValues(context, input);
        writeProvenance(context.workbook.worksheets.getItem(input.sheetName), input);
        await context.sync();
        return { how, sheetName: input.sheetName };
      }),

    deleteSheet: (name) =>
      Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(name);
        await context.sync();
        if (ws.isNullObject) return;
        ws.delete();
        await context.sync();
      }),

    writeTextSheet: (name, rows, options: TextSheetOptions = {}) =>
      Excel.run(async (context) => {
        const old = context.workbook.worksheets.getItemOrNullObject(name);
        await context.sync();
        if (!old.isNullObject) old.delete();
        const ws = context.workbook.worksheets.add(name);
        const width = widthOf(rows, 1);
        for (let start = 0; start < rows.length; start += ROWS_PER_WRITE) {
          const block = rows.slice(start, start + ROWS_PER_WRITE).map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
          writeBlock(ws, start + 1, 0, block, block.map((r) => r.map(() => TEXT)));
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one block per request (payload limit)
          await context.sync();
        }
        options.columnWidths?.forEach((w, i) => {
          ws.getRange(`${columnLetter(i)}:${columnLetter(i)}`).format.columnWidth = w;
        });
        if (options.activate) ws.activate();
        await context.sync();
      }),

    activateSheet: (name) =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem(name).activate();
        await context.sync();
      }),
  };
}
