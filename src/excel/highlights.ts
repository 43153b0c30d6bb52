// Colours the form instead of its A-column conditional formats: A blue for complete rows, A orange for incomplete
// rows (the 橙 of the send-back file, so a started row never looks unchecked), A red for gap rows,
// pink for input cells with an error (要修正) and yellow for those with a warning (ご確認), the colours of the
// send-back file and its letter; grey columns are never touched. Written in batches: multi-area
// ranges (Worksheet.getRanges, ExcelApi 1.9) when the host has them, else one range per contiguous block,
// all queued before one sync (more syncs only if the request itself would pass the payload budget).
import { columnIndex, isAbsentColumn, type FormProfile } from "../domain";
import { areaAddress, columnRuns, joinAreas, parseCell, rowRuns } from "./addresses";
import type { HighlightPlan } from "./gateway-types";
import { SYNC_BUDGET } from "./payload";
import type { SyncCounter } from "./sync-counter";

export const HIGHLIGHT_COLORS = {
  complete: "#9BC2E6",
  incomplete: "#FFC000",
  gap: "#FF7C80",
  /** An error (要修正): the send-back file's pink. */
  problem: "#FFC7CE",
  /** A warning only (ご確認): the send-back file's yellow. */
  warning: "#FFFF00",
} as const;

/** Excel on the web rejects getRanges addresses of about 8,200 characters (office-js issue #5198); stay far below. */
export const MAX_AREAS_ADDRESS = 2000;
/** Estimated request bytes of one queued range operation (object path + property set). */
const BYTES_PER_OPERATION = 300;

/**
 * Columns the add-in may colour: the status column and the input columns, never the grey ones. A sheet's own profile
 * (`mapped`: its columns were found by their headings) gives its items' columns only: a column the institution added
 * (フリガナ) is not the add-in's to colour, nor is a status column the sheet does not have (a list).
 */
export function colourableColumns(profile: FormProfile, mapped = false): { status?: number; inputs: number[] } {
  const status = columnIndex(profile.sheet.statusColumn);
  const first = columnIndex(profile.sheet.firstColumn);
  const last = columnIndex(profile.sheet.lastColumn);
  const grey = new Set(profile.greyColumns.map(columnIndex));
  const items = mapped ? new Set(Object.values(profile.fields).map((f) => columnIndex(f.column))) : undefined;
  const inputs: number[] = [];
  for (let c = first; c <= last; c++) if (c !== status && !grey.has(c) && (!items || items.has(c))) inputs.push(c);
  return { status: mapped && isAbsentColumn(profile.sheet.statusColumn) ? undefined : status, inputs };
}

/** One colouring step: areas and what to do with them (a colour, or clear = back to no fill). */
export interface FillStep {
  areas: string[];
  color: string | null;
}

/** The plan → ordered steps (resets first, then A colours, then yellow cells, then pink ones, so later steps win). */
export function fillSteps(plan: HighlightPlan, profile: FormProfile, mapped = false): FillStep[] {
  const { status, inputs } = colourableColumns(profile, mapped);
  const resetColumns = columnRuns(status === undefined ? inputs : [status, ...inputs]);
  const steps: FillStep[] = [];
  const resetAreas: string[] = [];
  for (const [r1, r2] of rowRuns(plan.resetRows)) {
    for (const [c1, c2] of resetColumns) resetAreas.push(areaAddress(c1, r1, c2, r2));
  }
  steps.push({ areas: resetAreas, color: null });
  const statusAreas = (rows: readonly number[]) => (status === undefined ? [] : rowRuns(rows).map(([r1, r2]) => areaAddress(status, r1, status, r2)));
  steps.push({ areas: statusAreas(plan.completeRows), color: HIGHLIGHT_COLORS.complete });
  steps.push({ areas: statusAreas(plan.incompleteRows), color: HIGHLIGHT_COLORS.incomplete });
  steps.push({ areas: statusAreas(plan.gapRows), color: HIGHLIGHT_COLORS.gap });
  const allowed = new Set(inputs);
  steps.push({ areas: cellAreas(plan.warningCells ?? [], allowed), color: HIGHLIGHT_COLORS.warning });
  steps.push({ areas: cellAreas(plan.problemCells, allowed), color: HIGHLIGHT_COLORS.problem });
  return steps.filter((s) => s.areas.length > 0);
}

/** Cells as areas, by column then row runs; cells outside the allowed columns (grey ones, A) are left alone. */
function cellAreas(cells: readonly string[], allowed: ReadonlySet<number>): string[] {
  const byColumn = new Map<number, number[]>();
  for (const address of cells) {
    const cell = parseCell(address);
    if (!cell || !allowed.has(cell.column)) continue; // grey columns stay grey; A shows the row status
    let list = byColumn.get(cell.column);
    if (!list) byColumn.set(cell.column, (list = []));
    list.push(cell.row);
  }
  const areas: string[] = [];
  for (const [column, rows] of [...byColumn].sort((a, b) => a[0] - b[0])) {
    for (const [r1, r2] of rowRuns(rows)) areas.push(areaAddress(column, r1, column, r2));
  }
  return areas;
}

/** The steps for ハイライトを消す: status and input cells of the rows back to no fill. */
export function clearSteps(firstRow: number, lastRow: number, profile: FormProfile, mapped = false): FillStep[] {
  if (lastRow < firstRow) return [];
  const { status, inputs } = colourableColumns(profile, mapped);
  return [{ areas: columnRuns(status === undefined ? inputs : [status, ...inputs]).map(([c1, c2]) => areaAddress(c1, firstRow, c2, lastRow)), color: null }];
}

/** Queues the steps on the worksheet and syncs; returns when Excel has applied them. */
export async function applyFillSteps(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  steps: readonly FillStep[],
  multiArea: boolean,
  counter: SyncCounter,
): Promise<void> {
  counter.attach(context);
  let queued = 0;
  const flushIfFull = async (bytes: number) => {
    if (queued > 0 && queued + bytes > SYNC_BUDGET) {
      await context.sync();
      queued = 0;
    }
    queued += bytes;
  };
  for (const step of steps) {
    const targets = multiArea ? joinAreas(step.areas, MAX_AREAS_ADDRESS) : step.areas;
    for (const address of targets) {
      await flushIfFull(BYTES_PER_OPERATION + address.length);
      const fill = multiArea ? sheet.getRanges(address).format.fill : sheet.getRange(address).format.fill;
      if (step.color === null) fill.clear();
      else fill.color = step.color;
    }
  }
  if (queued > 0) await context.sync();
}
