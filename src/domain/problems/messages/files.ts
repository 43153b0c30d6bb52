import { entry, type CatalogueEntry } from "../entry";

/** A file that cannot be read at all: the whole message names the file. */
export const FILE_MESSAGES = {
  "file.encrypted": entry("error", (p, place) => `ファイル「${place.file}」はパスワードで保護（暗号化）されているため読めません。Excelで開いてパスワードを解除して保存し直してください。`),
  "file.xls": entry("error", (p, place) => `ファイル「${place.file}」は古い形式（.xls）のExcelブックのため読めません。Excelで開き、ファイルの種類を Excel ブック (.xlsx) で保存し直してください。`),
  "file.not-xlsx": entry("error", (p, place) => `ファイル「${place.file}」はExcelブック（.xlsx）ではありません。.xlsx ファイルを指定してください。`),
  "file.truncated": entry("error", (p, place) => `ファイル「${place.file}」は途中で切れているため読めません（コピーやダウンロードが終わっていない可能性があります）。元のファイルをもう一度取得してください。`),
  "file.damaged": entry("error", (p, place) => `ファイル「${place.file}」は壊れているため読めません（${p.part}）。Excelで開いて修復・保存し直すか、元のファイルをもう一度取得してください。`),
  "file.no-workbook": entry("error", (p, place) => `ファイル「${place.file}」はZIP形式ですがExcelブック（.xlsx）ではありません。.xlsx ファイルを指定してください。`),
  "file.sheet-missing": entry("error", (p, place) => `ファイル「${place.file}」は壊れているため読めません（シート「${p.sheet}」の中身 ${p.part} がファイル内にありません）。Excelで開いて修復・保存し直すか、元のファイルをもう一度取得してください。`),
} satisfies Record<string, CatalogueEntry>;
