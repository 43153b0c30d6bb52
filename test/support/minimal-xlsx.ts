import { strToU8, zipSync } from "fflate";

/**
 * Hand-built .xlsx packages for hostile-workbook tests: exactly the XML given, nothing a library would add or fix.
 * `data` is the inside of <sheetData>; `after` goes after it (e.g. <mergeCells>).
 */
export interface MiniSheet {
  name: string;
  data: string;
  after?: string;
  state?: "hidden" | "veryHidden";
}

export interface MiniOptions {
  /** Shared strings (<si> contents as XML); undefined → no sharedStrings.xml at all. */
  sharedXml?: string[];
  /** Inside <styleSheet>; undefined → no styles.xml. */
  styles?: string;
  date1904?: boolean;
  /**
   * How workbook.xml names each sheet's relationship id: the prefix bound to the relationships namespace ("r" when
   * absent) and where it is declared (on the root, as Excel does, or on each <sheet>).
   */
  relId?: { prefix: string; declaredOn: "workbook" | "sheet" };
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export function xmlEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function miniXlsxFiles(sheets: MiniSheet[], options: MiniOptions = {}): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  const put = (name: string, xml: string) => (files[name] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`));
  put(
    "[Content_Types].xml",
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
      .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
      .join("")}${options.sharedXml ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ""}${options.styles !== undefined ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' : ""}</Types>`,
  );
  put("_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  const prefix = options.relId?.prefix ?? "r";
  const declaration = `xmlns:${prefix}="${REL}"`;
  const root = options.relId ? `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"${options.relId.declaredOn === "workbook" ? ` ${declaration}` : ""}` : NS;
  const onSheet = options.relId?.declaredOn === "sheet" ? ` ${declaration}` : "";
  put(
    "xl/workbook.xml",
    `<workbook ${root}>${options.date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets>${sheets
      .map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""}${onSheet} ${prefix}:id="rId${i + 1}"/>`)
      .join("")}</sheets></workbook>`,
  );
  const rels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  if (options.sharedXml) rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (options.styles !== undefined) rels.push(`<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/>`);
  put("xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`);
  sheets.forEach((s, i) => put(`xl/worksheets/sheet${i + 1}.xml`, `<worksheet ${NS}><sheetData>${s.data}</sheetData>${s.after ?? ""}</worksheet>`));
  if (options.sharedXml) {
    put("xl/sharedStrings.xml", `<sst ${NS} count="${options.sharedXml.length}" uniqueCount="${options.sharedXml.length}">${options.sharedXml.map((x) => `<si>${x}</si>`).join("")}</sst>`);
  }
  if (options.styles !== undefined) put("xl/styles.xml", `<styleSheet ${NS}>${options.styles}</styleSheet>`);
  return files;
}

export function miniXlsx(sheets: MiniSheet[], options: MiniOptions = {}): Uint8Array {
  return zipSync(miniXlsxFiles(sheets, options));
}

/** An inline-string cell. */
export function inlineCell(ref: string, text: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t>${xmlEscape(text)}</t></is></c>`;
}

/** A number cell. */
export function numberCell(ref: string, n: number): string {
  return `<c r="${ref}"><v>${n}</v></c>`;
}
