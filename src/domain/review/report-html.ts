import { messageOf } from "../problems/problem";
import { SEVERITY_LABEL } from "../problems/severity";
import { japaneseDateTime } from "./japanese-dates";
import { ROW_STATUS_LABEL, type ReviewReport } from "./review-report";

export interface ReportHtmlOptions {
  /** IANA zone the dates are written in (the pane passes its own); default Asia/Tokyo. */
  timeZone?: string;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text → HTML text (every value in the report comes from submitted files: nothing is trusted as markup). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * The review report as a complete, self-contained HTML page for printing (A4, one submission per section,
 * no scripts, no external resources). Opened from the pane in a new window or saved as a file.
 */
export function reviewReportHtml(report: ReviewReport, options: ReportHtmlOptions = {}): string {
  const e = escapeHtml;
  const when = (iso: string) => japaneseDateTime(iso, options.timeZone ?? "Asia/Tokyo");
  // Short labels and numbers never break inside (完了, 未完了, エラー one character per line on a narrow column).
  const nw = (text: string) => `<span class="nw">${text}</span>`;
  const parts: string[] = [];
  parts.push(
    "<!DOCTYPE html>",
    '<html lang="ja"><head><meta charset="utf-8">',
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
    "<title>審査結果（システム利用申請様式）</title>",
    "<style>",
    "@page{size:A4;margin:15mm 12mm}body{font-family:'Yu Gothic','Meiryo',sans-serif;font-size:10pt;color:#000}",
    "h1{font-size:14pt}h2{font-size:12pt;margin-top:18pt;border-bottom:1px solid #000}section{break-inside:auto}",
    "table{border-collapse:collapse;width:100%;margin-top:6pt}th,td{border:1px solid #666;padding:2pt 4pt;vertical-align:top;text-align:left}",
    "th{background:#eee;white-space:nowrap;-webkit-print-color-adjust:exact;print-color-adjust:exact}",
    "thead{display:table-header-group}tr{break-inside:avoid}",
    ".nw{white-space:nowrap}.meta th{width:6em}.rows .text{width:55%}.rows .name{min-width:6em}",
    ".error{font-weight:bold}.remark{white-space:pre-wrap}",
    "section+section{break-before:page}",
    "</style></head><body>",
    `<h1>審査結果（システム利用申請様式）</h1><p>作成日時：${nw(e(when(report.createdAt)))}　申請数：${report.submissions.length}</p>`,
  );
  for (const s of report.submissions) {
    parts.push(
      "<section>",
      `<h2>${e(s.id)}　${e(s.institution)}</h2>`,
      '<table class="meta"><tbody>',
      `<tr><th>提出ファイル</th><td>${e(s.fileName)}（シート「${e(s.sourceSheet)}」）</td></tr>`,
      `<tr><th>判定</th><td>${nw(e(s.decision.status))}${s.decision.decidedAt ? `（${nw(e(when(s.decision.decidedAt)))}）` : ""}</td></tr>`,
      `<tr><th>備考</th><td class="remark">${e(s.decision.remark)}</td></tr>`,
      `<tr><th>行数</th><td>${nw(`${s.summary.rows}行`)}（${nw(`完了 ${s.summary.complete}`)}・${nw(`未完了 ${s.summary.incomplete}`)}・${nw(`空行 ${s.summary.gap}`)}）　${nw(`エラー ${s.summary.errors}件`)}・${nw(`警告 ${s.summary.warnings}件`)}</td></tr>`,
      "</tbody></table>",
    );
    if (s.rows.length === 0) parts.push("<p>データ行がありません。</p>");
    else {
      parts.push('<table class="rows"><thead><tr><th>行</th><th class="name">利用者名</th><th>状態</th><th>重要度</th><th>セル</th><th class="text">内容</th></tr></thead><tbody>');
      for (const r of s.rows) {
        if (r.findings.length === 0) {
          parts.push(`<tr><td class="nw">${r.row}</td><td>${e(r.name)}</td><td class="nw">${ROW_STATUS_LABEL[r.status]}</td><td></td><td></td><td>問題なし</td></tr>`);
          continue;
        }
        for (const f of r.findings) {
          const fix = f.fix === undefined ? "" : `（修正案：${f.fix === "" ? "空欄にする" : e(f.fix)}）`;
          parts.push(
            `<tr class="${f.severity}"><td class="nw">${r.row}</td><td>${e(r.name)}</td><td class="nw">${ROW_STATUS_LABEL[r.status]}</td><td class="nw">${SEVERITY_LABEL[f.severity]}</td><td class="nw">${e(f.place.column)}${f.place.row}</td><td>${e(messageOf(f))}${fix}</td></tr>`,
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
