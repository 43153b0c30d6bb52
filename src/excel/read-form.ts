// Reads a form sheet: the used range and the top rows in the first sync (the rest of the header rows in a second one
// when the sheet is wider than the profile), its columns mapped from the header (column-mapping.ts), then the data
// area over the sheet's own columns in payload-sized chunks (usually one or two more syncs), as the domain's rows.
import { columnIndex, columnLetter, createCheckContext, dataRows, locateMovedForm, mapFormHeader, type Cell, type FormProfile, type FormRow } from "../domain";
import { areaAddress, rowRuns } from "./addresses";
import { toCells } from "./cells";
import type { FormSnapshot, Progress } from "./gateway-types";
import { DensityEstimate, jsonBytes } from "./payload";
import { readRowRuns } from "./read-values";
import { lastFormColumn, type SheetRegistry } from "./sheets";
import { SyncCounter } from "./sync-counter";

export class NotAFormError extends Error {
  constructor(readonly sheet: string, profile: FormProfile) {
    const { column, label } = profile.sheet.headerMarker;
    super(
      `シート「${sheet}」は申請様式ではありません（1〜${profile.sheet.headerSearchRows}行目の${column}列に「${label}」の見出しがありません）。申請様式のシートを選んでください。`,
    );
    this.name = "NotAFormError";
  }
}

/** The form's first data column: its first column, or the next one when the status column is the first. */
function dataStart(profile: FormProfile): number {
  const first = columnIndex(profile.sheet.firstColumn);
  return columnIndex(profile.sheet.statusColumn) === first ? first + 1 : first;
}

/** "B:AN": the form's columns without the status column when it is the first one. */
function dataColumnsAddress(profile: FormProfile): string {
  return `${columnLetter(dataStart(profile))}:${profile.sheet.lastColumn}`;
}

/** The header rows are read this wide at most: a stray value far to the right does not make the first read huge. */
const MAX_HEADER_COLUMN = 1023;

export async function readForm(
  context: Excel.RequestContext,
  registry: SheetRegistry,
  sheetName: string,
  profile: FormProfile,
  onProgress?: (p: Progress) => void,
  counter = new SyncCounter(),
  /** ExcelApi 1.4+: the last row is taken from the data columns only (not the status column's numbering). */
  nullObjects = false,
): Promise<FormSnapshot> {
  counter.attach(context);
  const ws = registry.worksheet(context, sheetName);
  ws.load("id, name");
  const profileLast = lastFormColumn(profile);
  // The form ends at the last row with a value in its data columns: a template often numbers its status column
  // (No. 1, 2, …) far below the last applicant, and those rows need not be read. Before ExcelApi 1.4 (no null
  // objects) the worksheet's used range is used instead; an empty sheet's is A1, which the top rows cover.
  const used = nullObjects ? ws.getRange(dataColumnsAddress(profile)).getUsedRangeOrNullObject(true) : ws.getUsedRange(true);
  used.load("rowIndex, rowCount");
  // How wide the sheet is: one with columns inserted reaches past the profile's last column.
  const sheetUsed = nullObjects ? ws.getUsedRange(true) : used;
  sheetUsed.load("columnIndex, columnCount");
  const topRows = profile.sheet.headerSearchRows;
  const top = ws.getRange(areaAddress(0, 1, profileLast, topRows));
  top.load("values, valueTypes");
  await context.sync();
  registry.remember(ws.id, ws.name);

  let topCells = toCells(top.values, top.valueTypes);
  const density = new DensityEstimate();
  density.observe(jsonBytes(top.values) + jsonBytes(top.valueTypes), topRows * (profileLast + 1));
  let lastRow = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
  const width = Math.min(sheetUsed.columnIndex + sheetUsed.columnCount - 1, MAX_HEADER_COLUMN);
  if (width > profileLast) {
    // The header rows' columns past the profile's last one (to map the sheet's columns), and the last row over them.
    const rest = ws.getRange(areaAddress(profileLast + 1, 1, width, topRows));
    rest.load("values, valueTypes");
    const wideUsed = nullObjects ? ws.getRange(`${columnLetter(dataStart(profile))}:${columnLetter(width)}`).getUsedRangeOrNullObject(true) : undefined;
    wideUsed?.load("rowIndex, rowCount");
    await context.sync();
    const restCells = toCells(rest.values, rest.valueTypes);
    topCells = topCells.map((cells, i) => [...cells, ...(restCells[i] ?? [])]);
    if (wideUsed && !wideUsed.isNullObject) lastRow = Math.max(lastRow, wideUsed.rowIndex + wideUsed.rowCount);
  }
  const location = locateMovedForm(topCells, profile);
  if (!location) throw new NotAFormError(ws.name, profile);
  // The sheet's own columns (the profile itself when every item is where it says): the rows are read and checked by them.
  const mapped = mapFormHeader(topCells, location, profile);
  const sheetProfile = mapped.profile;
  const lastColumn = lastFormColumn(sheetProfile);
  const dataColumns = createCheckContext(sheetProfile, {}).dataColumns;

  // Rows already read with the top rows are not read again.
  const grid: Cell[][] = topCells.map((cells) => (cells.length > lastColumn + 1 ? cells.slice(0, lastColumn + 1) : cells));
  const firstToRead = Math.max(location.firstDataRow, topRows + 1);
  const total = Math.max(0, lastRow - location.firstDataRow + 1);
  const alreadyRead = Math.max(0, Math.min(lastRow, topRows) - location.firstDataRow + 1);
  onProgress?.({ done: alreadyRead, total });
  if (lastRow >= firstToRead) {
    const blocks = await readRowRuns(context, ws, counter, [[firstToRead, lastRow]], {
      firstColumn: 0,
      lastColumn,
      density,
      onRows: (done) => onProgress?.({ done: alreadyRead + done, total }),
    });
    for (const b of blocks) b.cells.forEach((cells, i) => (grid[b.firstRow - 1 + i] = cells));
  }
  for (let i = 0; i < grid.length; i++) grid[i] ??= [];
  const rows = dataRows(grid.slice(0, Math.max(lastRow, topRows)), 1, location, dataColumns);
  return {
    sheet: ws.name,
    headerRow: location.headerRow,
    rows,
    headerCells: grid[location.headerRow - 1] ?? [],
    syncs: counter.count,
    profile: sheetProfile,
    mapping: mapped.mapping,
    columnNotices: mapped.problems,
  };
}

/** Reads the given rows (A..last form column of the sheet's own profile) in one sync when they fit the payload budget. */
export async function readRows(
  context: Excel.RequestContext,
  registry: SheetRegistry,
  sheetName: string,
  rows: readonly number[],
  profile: FormProfile,
  counter = new SyncCounter(),
): Promise<FormRow[]> {
  const runs = rowRuns(rows);
  if (runs.length === 0) return [];
  const ws = registry.worksheet(context, sheetName);
  const blocks = await readRowRuns(context, ws, counter, runs, { firstColumn: 0, lastColumn: lastFormColumn(profile) });
  const out: FormRow[] = [];
  for (const b of blocks) b.cells.forEach((cells, i) => out.push({ row: b.firstRow + i, cells }));
  return out;
}
