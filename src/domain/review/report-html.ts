import { messageOf } from "../problems/problem";
import { SEVERITY_LABEL } from "../problems/severity";
import { ROW_STATUS_LABEL, type ReviewReport } from "./review-report";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text → HTML text (every value in the report comes from submitted files: nothing is trusted as markup). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * The review report as a complete, self-contained HTML page for printing (A4, one submission per section,
 * no scripts, no external resources). Opened from the pane in a new window or saved as a file.
 */
export function reviewReportHtml(report: ReviewReport): string {
  const e = escapeHtml;
  const parts: string[] = [];
  parts.push(
    "<!DOCTYPE html>",
    '<html lang="ja"><head><meta charset="utf-8">',
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
    "<title>審査結果（システム利用申請様式）</title>",
    "<style>",
    "@page{size:A4;margin:12mm}body{font-family:'Yu Gothic','Meiryo',sans-serif;font-size:10pt;color:#000}",
    "h1{font-size:14pt}h2{font-size:12pt;margin-top:18pt;border-bottom:1px solid #000}section{break-inside:auto}",
    "table{border-collapse:collapse;width:100%}th,td{border:1px solid #666;padding:2pt 4pt;vertical-align:top;text-align:left}",
    "th{background:#eee}.error{font-weight:bold}.remark{white-space:pre-wrap}",
    "section+section{break-before:page}",
    "</style></head><body>",
    `<h1>審査結果（システム利用申請様式）</h1><p>作成日時：${e(report.createdAt)}　申請数：${report.submissions.length}</p>`,
  );
  for (const s of report.submissions) {
    parts.push(
      "<section>",
      `<h2>${e(s.id)}　${e(s.institution)}</h2>`,
      "<table><tbody>",
      `<tr><th>提出ファイル</th><td>${e(s.fileName)}（シート「${e(s.sourceSheet)}」）</td></tr>`,
      `<tr><th>判定</th><td>${e(s.decision.status)}${s.decision.decidedAt ? `（${e(s.decision.decidedAt)}）` : ""}</td></tr>`,
      `<tr><th>備考</th><td class="remark">${e(s.decision.remark)}</td></tr>`,
      `<tr><th>行数</th><td>${s.summary.rows}行（完了 ${s.summary.complete}・未完了 ${s.summary.incomplete}・空行 ${s.summary.gap}）　エラー ${s.summary.errors}件・警告 ${s.summary.warnings}件</td></tr>`,
      "</tbody></table>",
    );
    if (s.rows.length === 0) parts.push("<p>データ行がありません。</p>");
    else {
      parts.push("<table><thead><tr><th>行</th><th>利用者名</th><th>状態</th><th>重要度</th><th>セル</th><th>内容</th></tr></thead><tbody>");
      for (const r of s.rows) {
        if (r.findings.length === 0) {
          parts.push(`<tr><td>${r.row}</td><td>${e(r.name)}</td><td>${ROW_STATUS_LABEL[r.status]}</td><td></td><td></td><td>問題なし</td></tr>`);
          continue;
        }
        for (const f of r.findings) {
          const fix = f.fix === undefined ? "" : `（修正案：${f.fix === "" ? "空欄にする" : e(f.fix)}）`;
          parts.push(
            `<tr class="${f.severity}"><td>${r.row}</td><td>${e(r.name)}</td><td>${ROW_STATUS_LABEL[r.status]}</td><td>${SEVERITY_LABEL[f.severity]}</td><td>${e(f.place.column)}${f.place.row}</td><td>${e(messageOf(f))}${fix}</td></tr>`,
          );
        }
      }
      parts.push("</tbody></table>");
    }
    parts.push("</section>");
  }
  parts.push("</body></html>");
  return parts.join("\n");
}
