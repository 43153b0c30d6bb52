import { csvSheetName, decodeText, isCsvName, sheetFromCsv, type SubmittedFile } from "../../domain";
import { readXlsxSheets } from "../masters/read-xlsx";

/**
 * A picked .xlsx → its sheets as plain values: the same reader as a master file and as `nesid-account export` (the
 * domain's workbook reader, in a worker when possible), so the pane and the CLI see the same cells. A .csv (an online
 * application service's list) → one sheet of text, its encoding detected as for masters (UTF-8 with or without BOM,
 * Shift_JIS, UTF-16). An unreadable file throws the reader's Japanese message naming it.
 */
export async function readSubmittedFile(fileName: string, bytes: Uint8Array): Promise<SubmittedFile> {
  if (isCsvName(fileName)) return { fileName, sheets: [sheetFromCsv(decodeText(bytes).text, csvSheetName(fileName))] };
  return { fileName, sheets: await readXlsxSheets(bytes, fileName) };
}

/** Base64 of bytes for insertWorksheetsFromBase64 (in chunks: String.fromCharCode has an argument limit). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}
