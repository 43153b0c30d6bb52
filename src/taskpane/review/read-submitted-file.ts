import type ExcelJS from "exceljs";
import { workbookSheets, type SubmittedFile } from "../../domain";

/**
 * A picked .xlsx → its sheets as plain values, with exceljs (browser build, loaded on first use) and the same
 * cell conversion as the CLI (workbookSheets), so the pane and `nesid-account export` see the same cells.
 */
export async function readSubmittedFile(fileName: string, bytes: Uint8Array): Promise<SubmittedFile> {
  const mod = (await import(/* webpackChunkName: "exceljs" */ "exceljs")) as unknown as { default?: typeof ExcelJS } & typeof ExcelJS;
  const Workbook = (mod.Workbook ?? mod.default!.Workbook) as typeof ExcelJS.Workbook;
  const wb = new Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return { fileName, sheets: workbookSheets(wb) };
}

/** Base64 of bytes for insertWorksheetsFromBase64 (in chunks: String.fromCharCode has an argument limit). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}
