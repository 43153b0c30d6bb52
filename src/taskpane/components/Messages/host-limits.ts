import type { HostCapabilities } from "../../../excel/gateway-types";

/** What this Excel cannot do that the user would otherwise expect, in words (not API names). */
export function hostLimits(c: HostCapabilities): string[] {
  const out: string[] = [];
  // No API names: a hospital manager knows "an older Excel", not "ExcelApi 1.6".
  if (!c.changeEvents) {
    out.push("お使いのExcelは古い版のため、セルを変更してもアドインに伝わらず、自動では再チェックされません。入力のあとに「再チェック」を押してください。");
  }
  if (!c.selectionEvents) {
    out.push("このExcelではセルを選んでも、その行の詳細は自動で表示されません。指摘一覧の行番号から開いてください。");
  }
  return out;
}
