import type { HostCapabilities } from "../../../excel/gateway-types";

/** What this Excel cannot do that the user would otherwise expect, in words (not API names). */
export function hostLimits(c: HostCapabilities): string[] {
  const out: string[] = [];
  const version = c.excelApi ? `（ExcelApi ${c.excelApi}）` : "";
  if (!c.changeEvents) {
    out.push(`このExcel${version}はセルの変更をアドインに通知できないため、入力しても自動では再チェックされません。入力のあとに「再チェック」を押してください。`);
  }
  if (!c.selectionEvents) {
    out.push("このExcelではセルを選んでも、その行の詳細は自動で表示されません。指摘一覧の行番号から開いてください。");
  }
  return out;
}
