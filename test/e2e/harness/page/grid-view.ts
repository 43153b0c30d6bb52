// The spreadsheet-like view of the stand-in workbook: sheet tabs, column letters, virtualized rows (only the
// visible ones are in the DOM, so 10,000 rows scroll smoothly), cell fills, selection, editing and paste.
import { columnLetters, formatArea, type Rect } from "../../../support/stand-in/model/address";
import { displayText, parseInput } from "../../../support/stand-in/model/values";
import type { SheetModel } from "../../../support/stand-in/model/sheet-model";
import type { WorkbookModel } from "../../../support/stand-in/model/workbook-model";

const ROW_HEIGHT = 22;
const HEADER_WIDTH = 48;
const MIN_COLUMNS = 40;

function columnWidth(sheet: SheetModel, c: number): number {
  const w = sheet.columnWidths[c];
  return Math.round((w && w > 0 ? w : 9) * 7 + 5);
}

export class GridView {
  private scroller: HTMLDivElement;
  private canvas: HTMLDivElement;
  private header: HTMLDivElement;
  private tabs: HTMLDivElement;
  private editor: HTMLInputElement;
  private status: HTMLElement;
  private painted = -1;
  private editing: { row: number; column: number } | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly model: WorkbookModel,
  ) {
    root.classList.add("grid");
    this.header = el("div", "grid-header");
    this.header.setAttribute("aria-live", "polite");
    this.status = this.header;
    this.scroller = el("div", "grid-scroller");
    this.scroller.tabIndex = 0;
    this.scroller.setAttribute("role", "grid");
    this.scroller.setAttribute("aria-label", "ワークシート");
    this.canvas = el("div", "grid-canvas");
    this.editor = el("input", "grid-editor");
    this.editor.setAttribute("aria-label", "セルの編集");
    this.scroller.append(this.canvas);
    this.tabs = el("div", "grid-tabs");
    this.tabs.setAttribute("role", "tablist");
    root.append(this.header, this.scroller, this.tabs);
    this.canvas.append(this.editor);
    this.editor.hidden = true;

    this.scroller.addEventListener("scroll", () => this.paint(true));
    this.canvas.addEventListener("mousedown", (e) => this.onMouseDown(e));
    this.canvas.addEventListener("dblclick", (e) => {
      const cell = this.cellAt(e);
      if (cell) this.startEdit(cell.row, cell.column, undefined);
    });
    this.scroller.addEventListener("keydown", (e) => this.onKey(e));
    this.scroller.addEventListener("paste", (e) => this.onPaste(e));
    this.editor.addEventListener("keydown", (e) => {
      if (e.key === "Enter") {
        e.preventDefault();
        this.commitEdit(1);
      } else if (e.key === "Tab") {
        e.preventDefault();
        this.commitEdit(0, 1);
      } else if (e.key === "Escape") {
        this.cancelEdit();
      }
      e.stopPropagation();
    });
    this.editor.addEventListener("blur", () => {
      if (this.editing) this.commitEdit(0);
    });
    model.subscribe(() => this.requestPaint());
    new ResizeObserver(() => this.paint(true)).observe(this.scroller);
    this.paint(true);
  }

  private get sheet(): SheetModel {
    return this.model.activeSheet();
  }

  private extent = { version: -1, sheet: "", columns: MIN_COLUMNS, rows: 200 };

  /** Columns and rows to draw; worked out once per change of the workbook (a scan of the whole sheet). */
  private size(): { columns: number; rows: number } {
    const e = this.extent;
    if (e.version !== this.model.version || e.sheet !== this.sheet.id) {
      const used = this.sheet.usedRect(false);
      e.columns = Math.max(MIN_COLUMNS, used ? used.column + used.columnCount + 2 : 0);
      e.rows = Math.max(200, this.sheet.rowExtent(false) + 50);
      e.version = this.model.version;
      e.sheet = this.sheet.id;
    }
    return e;
  }

  private columnCount(): number {
    return this.size().columns;
  }

  private rowCount(): number {
    return this.size().rows;
  }

  private columnLefts(): number[] {
    const lefts: number[] = [HEADER_WIDTH];
    const n = this.columnCount();
    for (let c = 0; c < n; c++) lefts.push(lefts[c] + columnWidth(this.sheet, c));
    return lefts;
  }

  requestPaint(): void {
    requestAnimationFrame(() => this.paint(false));
  }

  /** Repaints what is visible (only when something changed, unless forced). */
  paint(force: boolean): void {
    if (!force && this.painted === this.model.version) return;
    this.painted = this.model.version;
    const sheet = this.sheet;
    const lefts = this.columnLefts();
    const width = lefts[lefts.length - 1];
    const rows = this.rowCount();
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${(rows + 1) * ROW_HEIGHT}px`;

    // Column letters (sticky header row).
    const top = this.scroller.scrollTop;
    const height = this.scroller.clientHeight || 600;
    const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - 5);
    const last = Math.min(rows - 1, Math.ceil((top + height) / ROW_HEIGHT) + 5);
    const frag = document.createDocumentFragment();
    const head = el("div", "row head");
    head.style.top = `${top}px`;
    head.style.width = `${width}px`;
    const corner = el("div", "cell corner");
    corner.style.width = `${HEADER_WIDTH}px`;
    head.append(corner);
    for (let c = 0; c < lefts.length - 1; c++) {
      const h = el("div", "cell colhead");
      h.style.left = `${lefts[c]}px`;
      h.style.width = `${lefts[c + 1] - lefts[c]}px`;
      h.textContent = columnLetters(c);
      head.append(h);
    }
    const sel = sheet.selection;
    for (let r = first; r <= last; r++) {
      const line = el("div", "row");
      line.style.top = `${(r + 1) * ROW_HEIGHT}px`;
      line.style.width = `${width}px`;
      line.dataset.row = String(r + 1);
      const rh = el("div", "cell rowhead");
      rh.style.width = `${HEADER_WIDTH}px`;
      rh.textContent = String(r + 1);
      line.append(rh);
      for (let c = 0; c < lefts.length - 1; c++) {
        const cell = el("div", "cell");
        cell.style.left = `${lefts[c]}px`;
        cell.style.width = `${lefts[c + 1] - lefts[c]}px`;
        const v = sheet.value(r, c);
        const text = displayText(v);
        if (text) cell.textContent = text;
        if (typeof v === "number") cell.classList.add("num");
        const fill = sheet.fill(r, c);
        if (fill) cell.style.background = fill;
        if (r >= sel.row && r < sel.row + sel.rowCount && c >= sel.column && c < sel.column + sel.columnCount) cell.classList.add("selected");
        cell.dataset.address = `${columnLetters(c)}${r + 1}`;
        line.append(cell);
      }
      frag.append(line);
    }
    // Everything but the editor is replaced: moving a focused <input> in the DOM blurs it, which would commit a
    // half-typed value whenever the add-in's colouring repaints the grid during typing.
    for (const child of [...this.canvas.children]) if (child !== this.editor) child.remove();
    if (this.editor.parentNode !== this.canvas) this.canvas.append(this.editor);
    this.canvas.insertBefore(frag, this.editor);
    this.canvas.insertBefore(head, this.editor);
    this.paintTabs();
    this.status.textContent = `${sheet.name}!${formatArea(sel)}  ${displayText(sheet.value(sel.row, sel.column))}`;
  }

  private paintTabs(): void {
    const active = this.sheet;
    this.tabs.replaceChildren(
      ...this.model.sheets().map((s) => {
        const b = el("button", "tab");
        b.textContent = s.name;
        b.setAttribute("role", "tab");
        b.setAttribute("aria-selected", String(s === active));
        b.dataset.sheet = s.name;
        b.addEventListener("click", () => this.model.activate(s.id, "user"));
        return b;
      }),
    );
  }

  private cellAt(e: MouseEvent): { row: number; column: number } | undefined {
    const target = (e.target as HTMLElement).closest<HTMLElement>("[data-address]");
    const address = target?.dataset.address;
    if (!address) return undefined;
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(m[2]) - 1, column: col - 1 };
  }

  private onMouseDown(e: MouseEvent): void {
    const cell = this.cellAt(e);
    if (!cell) return;
    if (this.editing) this.commitEdit(0);
    const sel = this.sheet.selection;
    let rect: Rect = { row: cell.row, column: cell.column, rowCount: 1, columnCount: 1 };
    if (e.shiftKey) {
      const r1 = Math.min(sel.row, cell.row), r2 = Math.max(sel.row, cell.row);
      const c1 = Math.min(sel.column, cell.column), c2 = Math.max(sel.column, cell.column);
      rect = { row: r1, column: c1, rowCount: r2 - r1 + 1, columnCount: c2 - c1 + 1 };
    }
    this.model.select(this.sheet.id, rect, "user");
    this.scroller.focus();
    e.preventDefault();
  }

  private onKey(e: KeyboardEvent): void {
    const sel = this.sheet.selection;
    const move = (dr: number, dc: number) => {
      const row = Math.max(0, sel.row + dr);
      const column = Math.max(0, sel.column + dc);
      this.model.select(this.sheet.id, { row, column, rowCount: 1, columnCount: 1 }, "user");
      this.scrollIntoView(row);
      e.preventDefault();
    };
    switch (e.key) {
      case "ArrowUp": return move(-1, 0);
      case "ArrowDown": return move(1, 0);
      case "ArrowLeft": return move(0, -1);
      case "ArrowRight": return move(0, 1);
      case "Enter": return move(1, 0);
      case "Tab": return move(0, e.shiftKey ? -1 : 1);
      case "F2": e.preventDefault(); return this.startEdit(sel.row, sel.column, undefined);
      case "Delete":
      case "Backspace":
        e.preventDefault();
        this.model.writeValues(this.sheet.id, sel, Array.from({ length: sel.rowCount }, () => new Array(sel.columnCount).fill(null)), "user");
        return;
    }
    if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      this.startEdit(sel.row, sel.column, e.key);
    }
  }

  private scrollIntoView(row: number): void {
    const y = (row + 1) * ROW_HEIGHT;
    if (y < this.scroller.scrollTop + ROW_HEIGHT) this.scroller.scrollTop = y - ROW_HEIGHT;
    else if (y + ROW_HEIGHT > this.scroller.scrollTop + this.scroller.clientHeight) this.scroller.scrollTop = y + 2 * ROW_HEIGHT - this.scroller.clientHeight;
  }

  private startEdit(row: number, column: number, initial: string | undefined): void {
    const lefts = this.columnLefts();
    this.editing = { row, column };
    this.editor.hidden = false;
    this.editor.style.top = `${(row + 1) * ROW_HEIGHT}px`;
    this.editor.style.left = `${lefts[column]}px`;
    this.editor.style.width = `${Math.max(120, lefts[column + 1] - lefts[column])}px`;
    this.editor.value = initial ?? displayText(this.sheet.value(row, column));
    if (this.editor.parentNode !== this.canvas) this.canvas.append(this.editor);
    this.editor.focus();
  }

  private commitEdit(down: number, right = 0): void {
    const at = this.editing;
    if (!at) return;
    this.editing = undefined;
    this.editor.hidden = true;
    const sheet = this.sheet;
    const value = parseInput(this.editor.value, sheet.numberFormat(at.row, at.column));
    this.model.writeValues(sheet.id, { row: at.row, column: at.column, rowCount: 1, columnCount: 1 }, [[value]], "user");
    this.model.select(sheet.id, { row: at.row + down, column: at.column + right, rowCount: 1, columnCount: 1 }, "user");
    this.scroller.focus();
  }

  private cancelEdit(): void {
    this.editing = undefined;
    this.editor.hidden = true;
    this.scroller.focus();
  }

  private onPaste(e: ClipboardEvent): void {
    const text = e.clipboardData?.getData("text/plain");
    if (!text) return;
    e.preventDefault();
    pasteText(this.model, this.sheet, this.sheet.selection.row, this.sheet.selection.column, text);
  }
}

/** Tab-separated lines (as Excel copies them) written at a cell as one change, like a paste in Excel. */
export function pasteText(model: WorkbookModel, sheet: SheetModel, row: number, column: number, text: string): void {
  const lines = text.replace(/\r?\n$/, "").split(/\r?\n/).map((l) => l.split("\t"));
  const width = Math.max(...lines.map((l) => l.length));
  const values = lines.map((cells, i) => Array.from({ length: width }, (_, j) => parseInput(cells[j] ?? "", sheet.numberFormat(row + i, column + j))));
  model.writeValues(sheet.id, { row, column, rowCount: lines.length, columnCount: width }, values, "user");
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  return e;
}
