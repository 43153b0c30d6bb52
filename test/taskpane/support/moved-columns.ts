// The sample's form with its columns moved as institutions move them, on the stand-in host's sheet (before the pane
// opens it: no events), and how the untouched form's column letters translate to each variant's.
import { shift, withoutFtoH } from "../../cli/support/column-variants";
import type { SheetModel } from "../../support/stand-in/model/sheet-model";

export interface ColumnVariant {
  name: string;
  apply(sheet: SheetModel): void;
  /** The untouched form's column letter → the variant's (undefined: the column is gone). */
  translate(column: string): string | undefined;
}

/** The header row of the sample's form (0-based row index: sheet row 3). */
const HEADER = 2;

function swapColumns(sheet: SheetModel, a: number, b: number): void {
  for (const grid of [sheet.values, sheet.formats, sheet.fills] as unknown[][][]) {
    for (const row of grid) {
      if (!row) continue;
      const [x, y] = [row[a], row[b]];
      row[a] = y;
      row[b] = x;
    }
  }
}

export const FURIGANA: ColumnVariant = {
  name: "フリガナ inserted after 利用者名",
  apply: (sheet) => {
    sheet.insertColumns(2, 1);
    sheet.setValue(HEADER, 2, "フリガナ");
    for (let r = HEADER + 1; r < sheet.values.length; r++) if (sheet.value(r, 1) !== null) sheet.setValue(r, 2, "サトウ");
  },
  translate: shift(2, 1),
};

export const WITHOUT_F_TO_H: ColumnVariant = {
  name: "the grey columns F–H deleted",
  apply: (sheet) => sheet.deleteColumns(5, 3),
  translate: withoutFtoH,
};

export const PHONE_MAIL_SWAPPED: ColumnVariant = {
  name: "連絡先電話番号 ⇄ 連絡先メールアドレス (with their 項目 numbers)",
  apply: (sheet) => swapColumns(sheet, 2, 3),
  translate: (c) => (c === "C" ? "D" : c === "D" ? "C" : c),
};

export const COLUMN_VARIANTS = [FURIGANA, WITHOUT_F_TO_H, PHONE_MAIL_SWAPPED];
