// The workbook's sheets: which is a form (利用者名 in B of a header row near the top) and which a master, and a
// registry that follows each sheet by its worksheet id, so a rename does not lose it.
import { columnIndex, detectMasterKind, locateMovedForm, type Cell, type FormProfile } from "../domain";
import { areaAddress } from "./addresses";
import { toCells } from "./cells";
import type { SheetInfo } from "./gateway-types";
import type { SyncCounter } from "./sync-counter";

export class SheetNotFoundError extends Error {
  constructor(readonly sheet: string) {
    super(`シート「${sheet}」が見つかりません。削除されたか、名前が変わった可能性があります。シートを選び直してください。`);
    this.name = "SheetNotFoundError";
  }
}

/** Names the pane knows → worksheet ids, kept up to date from every list and event. */
export class SheetRegistry {
  private idByName = new Map<string, string>();
  private nameById = new Map<string, string>();

  remember(id: string, name: string): void {
    const old = this.nameById.get(id);
    if (old !== undefined && old !== name) {
      // The old name keeps pointing at the sheet: the pane may still use it until it reloads.
      this.idByName.set(old, id);
    }
    this.idByName.set(name, id);
    this.nameById.set(id, name);
  }

  forget(id: string): void {
    this.nameById.delete(id);
    for (const [n, i] of this.idByName) if (i === id) this.idByName.delete(n);
  }

  idOf(name: string): string | undefined {
    return this.idByName.get(name);
  }

  nameOf(id: string): string | undefined {
    return this.nameById.get(id);
  }

  /** The worksheet proxy: by id when the name was seen before (survives renames), else by name. */
  worksheet(context: Excel.RequestContext, name: string): Excel.Worksheet {
    return context.workbook.worksheets.getItem(this.idOf(name) ?? name);
  }
}

/** Runs `body`; an ItemNotFound from Excel becomes a Japanese message naming the sheet. */
export async function withSheet<T>(sheet: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    if ((e as { code?: unknown } | null)?.code === "ItemNotFound") throw new SheetNotFoundError(sheet);
    throw e;
  }
}

/** The rows read from the top of each sheet: enough for the form header search and the masters' header row. */
export function topRowCount(profile: FormProfile): number {
  const masterRows = Object.values(profile.masters).map((m) => m.headerRow);
  return Math.max(profile.sheet.headerSearchRows, ...masterRows);
}

export function lastFormColumn(profile: FormProfile): number {
  return columnIndex(profile.sheet.lastColumn);
}

/** What a sheet is, from its name and top rows (row 0 = sheet row 1). */
export function describeSheet(name: string, top: readonly (readonly Cell[])[], profile: FormProfile): SheetInfo {
  const info: SheetInfo = { name };
  const location = locateMovedForm(top, profile);
  if (location) info.formHeaderRow = location.headerRow;
  else {
    // A form is never a master, even when its sheet name would say so.
    const headerRow = profile.masters.healthCenter.headerRow;
    const kind = detectMasterKind(name, top[headerRow - 1], profile);
    if (kind) info.masterKind = kind;
  }
  return info;
}

/** Every sheet of the workbook, in tab order, with what it is: two syncs whatever the number of sheets. */
export async function listSheets(
  context: Excel.RequestContext,
  registry: SheetRegistry,
  profile: FormProfile,
  counter: SyncCounter,
): Promise<SheetInfo[]> {
  counter.attach(context);
  const sheets = context.workbook.worksheets;
  sheets.load("items/id, items/name");
  await context.sync();
  const rows = topRowCount(profile);
  const lastColumn = lastFormColumn(profile);
  const tops = sheets.items.map((ws) => {
    registry.remember(ws.id, ws.name);
    const range = ws.getRange(areaAddress(0, 1, lastColumn, rows));
    range.load("values, valueTypes");
    return { name: ws.name, range };
  });
  await context.sync();
  return tops.map(({ name, range }) => describeSheet(name, toCells(range.values, range.valueTypes), profile));
}
