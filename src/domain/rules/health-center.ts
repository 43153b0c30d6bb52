import type { RowState } from "../check/row-state";
import type { MasterRecord } from "../masters/master-index";
import { cellProblem, type CellProblem } from "../problems/problem";
import { codeText } from "../values/code";
import type { Rule } from "./rule";

/**
 * The 保健所 of the institution AJ names (in the master E selects), when the 保健所マスタ has it: what K should hold
 * for that institution, offered as K's fix. AJ is looked up as the institution rule does (a number that lost its zeros too).
 */
function institutionHealthCenter(row: RowState): { institution: MasterRecord; healthCenter: MasterRecord } | undefined {
  const type = row.orgType;
  const master = type && row.ctx.masters[type.master];
  if (!master || row.broken.has("institutionCode") || row.isBlank("institutionCode")) return undefined;
  const { text } = codeText(row.cell("institutionCode"));
  const institution = master.get(text) ?? master.get(master.zeroPadded(text) ?? "");
  const healthCenter = institution?.healthCenterCode ? row.ctx.masters.healthCenter?.get(institution.healthCenterCode) : undefined;
  return institution && healthCenter ? { institution, healthCenter } : undefined;
}

/**
 * A blank K or I the form requires (required.missing, just reported): the value the masters give it becomes the fix,
 * written only when the user clicks it.
 */
function offerForBlank(row: RowState, field: "healthCenterCode" | "cityCode", out: CellProblem[], value: string | undefined): void {
  const last = out[out.length - 1];
  if (value === undefined || value === "" || last?.code !== "required.missing" || last.place.column !== row.column(field)) return;
  out[out.length - 1] = cellProblem(last.place.row, last.place.column, last.code, last.params, value);
}

/** The one 中核市コード of K's 保健所 (or, when K was not accepted, of the 保健所 of AJ's institution). */
function cityCodeFor(row: RowState): string | undefined {
  const hc = row.accepted.healthCenterCode ?? institutionHealthCenter(row)?.healthCenter.code;
  const codes = new Set((hc === undefined ? [] : (row.ctx.masters.healthCenter?.all(hc) ?? [])).map((r) => r.cityCode));
  return codes.size === 1 ? [...codes][0] : undefined;
}

/** 保健所コード (K): must exist in 保健所マスタ column B (when the master is loaded). */
export const healthCenterCode: Rule = {
  id: "health-center-code",
  run(row) {
    const out: CellProblem[] = [];
    if (!row.requirePresent("healthCenterCode", row.ctx.required.has("healthCenterCode"), out)) {
      offerForBlank(row, "healthCenterCode", out, institutionHealthCenter(row)?.healthCenter.code);
      return out;
    }
    const col = row.column("healthCenterCode");
    const { text, numeric, issue } = codeText(row.cell("healthCenterCode"));
    const master = row.ctx.masters.healthCenter;
    if (!master || master.has(text)) {
      if (issue) row.issues("healthCenterCode", [issue], out);
      row.accept("healthCenterCode", text);
      return out;
    }
    const padded = master.zeroPadded(text);
    if (padded && numeric) {
      out.push(cellProblem(row.row, col, "code.zero-padded", { fix: padded }, padded));
      row.accept("healthCenterCode", padded);
      return out;
    }
    const fromInstitution = padded === undefined ? institutionHealthCenter(row) : undefined;
    if (fromInstitution) {
      const { institution, healthCenter } = fromInstitution;
      const params = { value: text, column: row.column("institutionCode"), institution: institution.name ? `「${institution.name}」` : institution.code, suggestion: `${healthCenter.code}（${healthCenter.name ?? ""}）` };
      out.push(cellProblem(row.row, col, "healthCenter.unknown", params, healthCenter.code));
      return out;
    }
    out.push(cellProblem(row.row, col, "healthCenter.unknown", { value: text }, padded));
    return out;
  },
};

/**
 * 中核市コード (I): must equal 保健所マスタ column G of a row whose code is K. 保健所コード is not assumed unique
 * nationwide: (I, K) is resolved as a pair, so when K appears in several rows any of their G's is right, and an error
 * lists the candidates. Unverifiable when K is not accepted.
 */
export const cityCode: Rule = {
  id: "city-code",
  run(row) {
    const out: CellProblem[] = [];
    if (!row.requirePresent("cityCode", row.ctx.required.has("cityCode"), out)) {
      offerForBlank(row, "cityCode", out, cityCodeFor(row));
      return out;
    }
    const col = row.column("cityCode");
    const { text, numeric, issue } = codeText(row.cell("cityCode"));
    const hc = row.accepted.healthCenterCode;
    const rows = hc !== undefined ? (row.ctx.masters.healthCenter?.all(hc) ?? []) : [];
    const candidates = [...new Set(rows.map((r) => r.cityCode).filter((c): c is string => c !== undefined))];
    if (candidates.length === 0 || candidates.includes(text)) {
      if (issue) row.issues("cityCode", [issue], out);
      row.accept("cityCode", text);
      return out;
    }
    const padded = numeric && /^\d+$/.test(text) ? candidates.find((c) => text.padStart(c.length, "0") === c) : undefined;
    if (padded !== undefined) {
      out.push(cellProblem(row.row, col, "code.zero-padded", { fix: padded }, padded));
      row.accept("cityCode", padded);
      return out;
    }
    const fix = candidates.length === 1 ? candidates[0] : undefined;
    out.push(cellProblem(row.row, col, "cityCode.mismatch", { healthCenter: hc, candidates: candidates.map((c) => `「${c}」`).join("・") }, fix));
    return out;
  },
};
