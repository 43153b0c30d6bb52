import type ExcelJS from "exceljs";

/**
 * exceljs, loaded on first use: Node's CommonJS build for the CLI and tests, the browser build (its own chunk) in the
 * pane. The domain's .xlsx writers call this, so nothing loads exceljs until a workbook is actually written.
 */
export async function loadWorkbookClass(): Promise<typeof ExcelJS.Workbook> {
  const mod = (await import(/* webpackChunkName: "exceljs" */ "exceljs")) as unknown as { default?: typeof ExcelJS } & typeof ExcelJS;
  return (mod.Workbook ?? mod.default!.Workbook) as typeof ExcelJS.Workbook;
}

/** Bytes → a loaded exceljs workbook (the bytes are copied, the caller's array is not kept). */
export async function loadWorkbookBytes(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const Workbook = await loadWorkbookClass();
  const wb = new Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

/** A workbook written to .xlsx bytes. */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
