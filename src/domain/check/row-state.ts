import { cellText, hasValue, isBlankCell, type Cell } from "../cell";
import { columnLetter } from "../columns";
import { cellProblem, type CellProblem, type Problem } from "../problems/problem";
import type { MasterRecord } from "../masters/master-index";
import type { FieldKey, OrgType, TfaMethod } from "../profile/schema";
import type { CheckContext } from "./context";

/** A row of the form as read from the sheet: cells indexed by column (A = 0). */
export interface FormRow {
  row: number;
  cells: readonly Cell[];
}

/**
 * The working state of one row while its rules run. Rules read cells, report findings, and accept values;
 * later rules read what earlier ones accepted ("one cause, one error": a dependent check is skipped when
 * the field it depends on was not accepted).
 */
export class RowState {
  readonly accepted: Partial<Record<FieldKey, string>> = {};
  /** Fields whose cell is unusable (error value, control character, formula-like); already reported. */
  readonly broken = new Set<FieldKey>();
  /** Columns (indexes) whose cell is unusable, fields or not; already reported. */
  readonly brokenColumns = new Set<number>();
  orgType?: OrgType;
  tfaMethod?: TfaMethod;
  institution?: MasterRecord;
  /** Digits of accepted phone fields. */
  readonly phoneDigits: Partial<Record<FieldKey, string>> = {};

  constructor(
    readonly input: FormRow,
    readonly ctx: CheckContext,
  ) {}

  get row(): number {
    return this.input.row;
  }

  cell(field: FieldKey): Cell {
    return this.input.cells[this.ctx.fieldIndex[field]] ?? null;
  }

  cellAt(index: number): Cell {
    return this.input.cells[index] ?? null;
  }

  column(field: FieldKey): string {
    return this.ctx.profile.fields[field].column;
  }

  label(field: FieldKey): string {
    return this.ctx.profile.fields[field].label;
  }

  /** Present = not blank and not broken. */
  isPresent(field: FieldKey): boolean {
    return !this.broken.has(field) && !isBlankCell(this.cell(field));
  }

  isBlank(field: FieldKey): boolean {
    return isBlankCell(this.cell(field));
  }

  text(field: FieldKey): string {
    return cellText(this.cell(field));
  }

  accept(field: FieldKey, value: string): void {
    this.accepted[field] = value;
  }

  /** required.missing for a blank required field; returns whether the field can be checked further. */
  requirePresent(field: FieldKey, required: boolean, out: CellProblem[]): boolean {
    if (this.broken.has(field)) return false;
    if (this.isBlank(field)) {
      if (required && this.ctx.municipalityFills.has(field)) {
        out.push(cellProblem(this.row, this.column(field), "required.municipality-fills", { label: this.label(field) }));
      } else if (required) {
        out.push(cellProblem(this.row, this.column(field), "required.missing", { label: this.label(field) }));
      }
      return false;
    }
    return true;
  }

  issues(field: FieldKey, issues: readonly Problem[], out: CellProblem[]): void {
    this.issuesAt(this.column(field), issues, out);
  }

  issuesAt(column: string, issues: readonly Problem[], out: CellProblem[]): void {
    for (const issue of issues) out.push(cellProblem(this.row, column, issue.code, issue.params, issue.fix));
  }

  /** True when any column of the form other than the status column holds something (a formula without its result does not). */
  isFilled(): boolean {
    for (const i of this.ctx.dataColumns) {
      if (hasValue(this.input.cells[i])) return true;
    }
    return false;
  }

  letter(index: number): string {
    return columnLetter(index);
  }
}
