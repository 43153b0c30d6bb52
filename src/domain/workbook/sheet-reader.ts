import type { Cell, CellError } from "../cell";
import { columnLetter } from "../columns";
import { serialToIsoDate } from "./number-formats";
import { MissingPartError } from "./package";
import type { SharedStrings } from "./shared-strings";
import type { CellRange, ColumnFilter, SheetData, SheetState } from "./sheet-data";
import { byteAttribute, eachAttribute, scanXmlBytes, utf8Text, type ByteXmlHandler } from "./xml-bytes";
import { decodeOoxmlEscapes, decodeXmlText, elementText, normalizeLineEnds, xmlText } from "./xml-scanner";

/** "AJ4" → column index 33 and row 4; undefined parts when absent or malformed. */
function parseRef(ref: string): { col: number; row: number } {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c !== 36 /* $ */) break;
  }
  let row = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 48 && c <= 57) row = row * 10 + (c - 48);
    else if (c !== 36) break;
  }
  return { col: col - 1, row };
}

export function parseRange(ref: string): CellRange | undefined {
  const [a, b = a] = ref.split(":");
  const p = parseRef(a);
  const q = parseRef(b);
  if (p.col < 0 || q.col < 0 || p.row < 1 || q.row < 1) return undefined;
  return { ref, top: Math.min(p.row, q.row), bottom: Math.max(p.row, q.row), left: Math.min(p.col, q.col), right: Math.max(p.col, q.col) };
}

/** Rows with no value share one frozen empty array: a stray cell in row 1,048,576 costs pointers, not arrays. */
const EMPTY_ROW = Object.freeze([]) as unknown as Cell[];
const MAX_ROWS = 1048576;

function unread(reason: CellError["unread"] & string, cell: string): CellError {
  return { error: reason === "formula-uncached" ? `#未計算（${cell}）` : `#文字列なし（${cell}）`, unread: reason };
}

/** Interned values of a cell's t= attribute. */
function cellType(b: Uint8Array, start: number, end: number): string {
  const length = end - start;
  const c0 = b[start];
  if (length === 1) {
    if (c0 === 115) return "s";
    if (c0 === 110) return "n";
    if (c0 === 98) return "b";
    if (c0 === 101) return "e";
    if (c0 === 100) return "d";
  } else if (length === 3 && c0 === 115 && b[start + 1] === 116 && b[start + 2] === 114) return "str";
  else if (length === 9 && c0 === 105 && utf8Text(b, start, end) === "inlineStr") return "inlineStr";
  return decodeXmlText(utf8Text(b, start, end));
}

/** Digits only (no sign, space or other character), at most 15 of them: their value; otherwise -1. */
function digitsValue(b: Uint8Array, start: number, end: number): number {
  if (end <= start || end - start > 15) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = b[i] - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** One worksheet's XML bytes → rows of cells, merges and hidden rows. */
export class SheetReader implements ByteXmlHandler {
  private readonly rows: Cell[][] = [];
  private readonly merges: CellRange[] = [];
  private readonly hiddenRows: number[] = [];
  private b: Uint8Array = new Uint8Array(0);
  private inSheetData = false;
  private rowNumber = 0;
  private rowCells: Cell[] | undefined;
  private col = -1;
  // The cell being read.
  private inCell = false;
  private type = "";
  private style = 0;
  private hasFormula = false;
  /** The value's text so far; while it is one text run, only its byte range [valueStart, valueEnd) is known. */
  private value: string | undefined;
  private valueStart = -1;
  private valueEnd = -1;
  private inValue = false;
  private inInline = false;
  private inText = false;
  private phonetic = 0;
  private inline = "";
  /** The inline string's current <t> run, and whether it keeps the white space at its ends (xml:space="preserve"). */
  private run = "";
  private preserve = false;
  private inlineSeen = false;

  /** The columns read below the head rows, one flag per column; null for all, undefined until chosen. */
  private kept: Uint8Array | null | undefined;
  /** A head row came after the columns were chosen: the sheet must be read again without the filter. */
  headAfterChoice = false;

  constructor(
    private readonly shared: SharedStrings,
    private readonly dateStyles: readonly boolean[],
    private readonly date1904: boolean,
    private readonly filter: ColumnFilter | undefined,
    private readonly sheetName: string,
  ) {
    if (!filter) this.kept = null;
  }

  /** Whether the current cell is read: always in the head rows, else as the filter chose from them. */
  private keeps(col: number): boolean {
    if (this.kept === null || this.rowNumber <= this.filter!.head) return true;
    if (this.kept === undefined) this.kept = this.choose(this.filter!);
    return this.kept === null || this.kept[col] === 1;
  }

  private choose(filter: ColumnFilter): Uint8Array | null {
    const head: Cell[][] = [];
    for (let i = 0; i < filter.head; i++) head.push(this.rows[i] ?? EMPTY_ROW);
    const columns = filter.columns(this.sheetName, head);
    if (columns === undefined) return null;
    const kept = new Uint8Array(16384);
    for (const c of columns) if (c >= 0 && c < kept.length) kept[c] = 1;
    return kept;
  }

  scan(bytes: Uint8Array, onPosition?: (scanned: number) => void): void {
    this.b = bytes;
    scanXmlBytes(bytes, this, onPosition);
    this.b = new Uint8Array(0);
  }

  open(name: string, attrStart: number, attrEnd: number, selfClosing: boolean): boolean | void {
    if (this.inCell) {
      if (name === "v") {
        this.value = "";
        this.valueStart = -1;
        this.inValue = !selfClosing;
      } else if (name === "f") this.hasFormula = true;
      else if (name === "is") {
        this.inInline = !selfClosing;
        this.inlineSeen = true;
      } else if (name === "rPh") {
        if (!selfClosing) this.phonetic++;
      } else if (name === "t") {
        this.inText = !selfClosing && this.inInline && this.phonetic === 0;
        if (this.inText) {
          this.run = "";
          this.preserve = attrEnd > attrStart && byteAttribute(this.b, attrStart, attrEnd, "xml:space") === "preserve";
        }
      }
      return;
    }
    switch (name) {
      case "sheetData":
        this.inSheetData = !selfClosing;
        return;
      case "row": {
        if (!this.inSheetData) return;
        const b = this.b;
        let r: string | undefined;
        let hidden: string | undefined;
        let rowNumber = -1;
        eachAttribute(b, attrStart, attrEnd, (ns, ne, vs, ve) => {
          if (ne - ns === 1 && b[ns] === 114 /* r */ && r === undefined) {
            rowNumber = digitsValue(b, vs, ve);
            r = rowNumber >= 0 ? "" : decodeXmlText(utf8Text(b, vs, ve));
          } else if (ne - ns === 6 && hidden === undefined && utf8Text(b, ns, ne) === "hidden") hidden = decodeXmlText(utf8Text(b, vs, ve));
        });
        const n = r === undefined ? this.rowNumber + 1 : rowNumber >= 0 ? rowNumber : parseInt(r, 10);
        this.rowNumber = n >= 1 && n <= MAX_ROWS ? n : this.rowNumber + 1;
        this.col = -1;
        if (hidden === "1" || hidden === "true") this.hiddenRows.push(this.rowNumber);
        if (selfClosing) this.rowCells = undefined;
        return;
      }
      case "c": {
        if (!this.inSheetData) return;
        this.cellAttributes(attrStart, attrEnd);
        if (this.rowNumber === 0) this.rowNumber = 1;
        // A cell of a column not read: its content is skipped, as if it were empty.
        if (this.kept !== null && !this.keeps(this.col)) return true;
        this.hasFormula = false;
        this.value = undefined;
        this.valueStart = -1;
        this.inline = "";
        this.inlineSeen = false;
        this.phonetic = 0;
        if (selfClosing) return;
        this.inCell = true;
        return;
      }
      case "mergeCell": {
        const ref = byteAttribute(this.b, attrStart, attrEnd, "ref");
        const range = ref === undefined ? undefined : parseRange(ref);
        if (range) this.merges.push(range);
        return;
      }
    }
  }

  /**
   * The r, t and s attributes of a <c> in one pass over its bytes (the hot path: once per cell): the reference is
   * parsed arithmetically, the type interned, the style read as digits; values holding entities are decoded first.
   */
  private cellAttributes(start: number, end: number): void {
    const b = this.b;
    let type: string | undefined;
    let style: number | undefined;
    let refSeen = false;
    let i = start;
    while (i < end) {
      let eq = i;
      while (eq < end && b[eq] !== 61 /* = */) eq++;
      if (eq >= end) break;
      let q = eq + 1;
      while (q < end && b[q] !== 34 && b[q] !== 39) q++;
      if (q >= end) break;
      let close = q + 1;
      while (close < end && b[close] !== b[q]) close++;
      if (close >= end) break;
      let ns = i;
      let ne = eq;
      while (ns < ne && isSpaceByte(b[ns])) ns++;
      while (ne > ns && isSpaceByte(b[ne - 1])) ne--;
      if (ne - ns === 1) {
        const vs = q + 1;
        const c = b[ns];
        if (c === 114 /* r */) {
          refSeen = true;
          this.cellRef(vs, close);
        } else if (c === 116 /* t */) type = cellType(b, vs, close);
        else if (c === 115 /* s */) {
          const d = digitsValue(b, vs, close);
          style = d >= 0 ? d : parseInt(decodeXmlText(utf8Text(b, vs, close)), 10) || 0;
        }
      }
      i = close + 1;
    }
    if (!refSeen) this.col++;
    this.type = type ?? "n";
    this.style = style ?? 0;
  }

  /** "AJ4" (bytes) → column 33, and a move to row 4 when the cell names another row than the current one. */
  private cellRef(start: number, end: number): void {
    const b = this.b;
    let col = 0;
    let row = 0;
    let i = start;
    for (; i < end; i++) {
      const c = b[i];
      if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
      else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
      else if (c !== 36 /* $ */) break;
    }
    if (i < end && b[i] === 38 /* & */) {
      const p = parseRef(decodeXmlText(utf8Text(b, start, end)));
      col = p.col + 1;
      row = p.row;
    } else {
      for (; i < end; i++) {
        const c = b[i];
        if (c >= 48 && c <= 57) row = row * 10 + (c - 48);
        else if (c !== 36) break;
      }
    }
    this.col = col - 1 >= 0 ? col - 1 : this.col + 1;
    if (row >= 1 && row <= MAX_ROWS && row !== this.rowNumber) this.switchRow(row);
  }

  close(name: string): void {
    if (this.inCell) {
      if (name === "c") {
        this.inCell = false;
        this.finishCell();
      } else if (name === "v") this.inValue = false;
      else if (name === "is") this.inInline = false;
      else if (name === "rPh") this.phonetic--;
      else if (name === "t" && this.inText) {
        this.inText = false;
        this.inline += elementText(this.run, this.preserve);
      }
      return;
    }
    if (name === "row") this.flushRow();
    else if (name === "sheetData") {
      this.flushRow();
      this.inSheetData = false;
    }
  }

  text(start: number, end: number): void {
    if (this.inValue) {
      if (this.value === "" && this.valueStart < 0) {
        this.valueStart = start;
        this.valueEnd = end;
      } else this.value = this.valueText() + utf8Text(this.b, start, end);
    } else if (this.inText) this.run += xmlText(utf8Text(this.b, start, end));
  }

  cdata(start: number, end: number): void {
    if (this.inValue) this.value = this.valueText() + utf8Text(this.b, start, end);
    else if (this.inText) this.run += normalizeLineEnds(utf8Text(this.b, start, end));
  }

  /** The value read so far as text (its byte range decoded, once). */
  private valueText(): string | undefined {
    if (this.valueStart >= 0) {
      this.value = utf8Text(this.b, this.valueStart, this.valueEnd);
      this.valueStart = -1;
    }
    return this.value;
  }

  /** A cell whose r= names another row than the current <row> (or cells with no <row> r=): move there. */
  private switchRow(row: number): void {
    this.flushRow();
    this.rowNumber = row;
  }

  private flushRow(): void {
    const cells = this.rowCells;
    if (!cells) return;
    this.rowCells = undefined;
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    const index = this.rowNumber - 1;
    if (this.kept !== undefined && this.kept !== null && this.rowNumber <= this.filter!.head) this.headAfterChoice = true;
    const existing = this.rows[index];
    if (existing && existing !== EMPTY_ROW) {
      cells.forEach((c, i) => {
        if (c !== null) existing[i] = c;
      });
      for (let i = 0; i < existing.length; i++) if (existing[i] === undefined) existing[i] = null;
    } else {
      this.rows[index] = cells;
    }
  }

  private finishCell(): void {
    if (this.valueStart >= 0 && this.col >= 0 && this.col < 16384) {
      // The common cells, without making a string of their value: a shared string index, a plain integer.
      const d = digitsValue(this.b, this.valueStart, this.valueEnd);
      if (d >= 0) {
        if (this.type === "s") {
          const s = this.shared.get(d);
          if (s !== undefined) return this.put(s);
        } else if (this.type === "n" && !this.dateStyles[this.style]) return this.put(d);
      }
    }
    const v = this.valueText();
    const where = () => `${columnLetter(this.col)}${this.rowNumber}`;
    let cell: Cell = null;
    switch (this.type) {
      case "s":
        if (v !== undefined && v.trim() !== "") {
          const s = this.shared.get(parseInt(v, 10));
          // No shared strings part at all: the file is damaged, not this one cell.
          if (s === undefined && this.shared.missingPart !== undefined) throw new MissingPartError(this.shared.missingPart);
          cell = s !== undefined ? s : unread("shared-string-missing", where());
        } else if (this.hasFormula) cell = unread("formula-uncached", where());
        break;
      case "inlineStr":
        if (this.inlineSeen) cell = decodeOoxmlEscapes(this.inline);
        else if (v !== undefined) cell = decodeOoxmlEscapes(xmlText(v));
        else if (this.hasFormula) cell = unread("formula-uncached", where());
        break;
      case "str":
        if (v !== undefined) cell = decodeOoxmlEscapes(xmlText(v));
        else if (this.hasFormula) cell = unread("formula-uncached", where());
        break;
      case "b":
        if (v !== undefined && v.trim() !== "") cell = v.trim() === "1" || v.trim() === "true";
        else if (this.hasFormula) cell = unread("formula-uncached", where());
        break;
      case "e":
        if (v !== undefined && v.trim() !== "") cell = { error: decodeXmlText(v).trim() };
        else if (this.hasFormula) cell = unread("formula-uncached", where());
        break;
      case "d":
        if (v !== undefined && v.trim() !== "") cell = v.trim().slice(0, 10);
        else if (this.hasFormula) cell = unread("formula-uncached", where());
        break;
      default:
        if (v !== undefined && v.trim() !== "") {
          const n = Number(v);
          if (Number.isNaN(n)) cell = xmlText(v);
          else cell = this.dateStyles[this.style] && n >= 0 ? serialToIsoDate(n, this.date1904) : n;
        } else if (this.hasFormula) cell = unread("formula-uncached", where());
    }
    if (cell === null || this.col < 0 || this.col >= 16384) return;
    this.put(cell);
  }

  private put(cell: Cell): void {
    if (!this.rowCells) this.rowCells = [];
    this.rowCells[this.col] = cell;
  }

  result(name: string, state: SheetState): SheetData {
    this.flushRow();
    const rows = this.rows;
    let last = rows.length;
    while (last > 0 && (rows[last - 1] === undefined || rows[last - 1].length === 0)) last--;
    rows.length = last;
    for (let i = 0; i < last; i++) if (rows[i] === undefined) rows[i] = EMPTY_ROW;
    // Excel shows a merged area's value in its top-left cell only; the other cells read as empty.
    for (const m of this.merges) {
      for (let r = m.top; r <= Math.min(m.bottom, last); r++) {
        const cells = rows[r - 1];
        if (cells === EMPTY_ROW) continue;
        for (let c = m.left; c <= Math.min(m.right, cells.length - 1); c++) {
          if (r === m.top && c === m.left) continue;
          cells[c] = null;
        }
      }
    }
    return { name, values: rows, state, merges: this.merges, hiddenRows: this.hiddenRows };
  }
}

function isSpaceByte(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
