import type { SubmittedFile } from "../../domain";
import { readXlsxSheets } from "../masters/read-xlsx";

/**
 * A picked .xlsx → its sheets as plain values: the same reader as a master file (exceljs loaded on first use, cells
 * converted by the domain's workbookSheets like the CLI), so the pane and `nesid-account export` see the same cells.
 */
export async function readSubmittedFile(fileName: string, bytes: Uint8Array): Promise<SubmittedFile> {
  return { fileName, sheets: await readXlsxSheets(bytes) };
}

/** Base64 of bytes for insertWorksheetsFromBase64 (in chunks: String.fromCharCode has an argument limit). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}
