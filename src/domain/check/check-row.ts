import { institutionWording } from "../problems/institution-wording";
import { compareCellProblems, type CellProblem } from "../problems/problem";
import type { FieldKey } from "../profile/schema";
import { ROW_RULES } from "../rules";
import { codeText } from "../values/code";
import { emailKey } from "../values/email";
import { nfkc, personKey, trimSpaces } from "../text/normalize";
import type { CheckContext } from "./context";
import { RowState, type FormRow } from "./row-state";

/** What one row's own rules found, and the keys the cross-row rules group it by. */
export interface RowResult {
  row: number;
  filled: boolean;
  /** Row-local findings, sorted by column. */
  findings: CellProblem[];
  /** Values accepted for registration (normalized as the spec allows). */
  values: Partial<Record<FieldKey, string>>;
  /** Same person + account type + institution (AJ, or K when AJ is blank): a duplicate application. */
  duplicateKey?: string;
  /** The 2FA destination this row uses (mail or phone digits). */
  tfaKey?: string;
  tfaColumn?: string;
  /** Who the row is for (name without spaces), to tell "different users" apart. */
  person?: string;
  /** The row's contacts (D, AM as "m:" mail keys, AL as "p:" digits): two applications sharing one are one person. */
  contacts?: string[];
}

const EMPTY: Omit<RowResult, "row"> = { filled: false, findings: [], values: {} };

export function checkRow(input: FormRow, ctx: CheckContext): RowResult {
  const state = new RowState(input, ctx);
  if (!state.isFilled()) return { row: input.row, ...EMPTY };
  const findings: CellProblem[] = [];
  for (const rule of ROW_RULES) {
    const found = rule.run(state);
    for (const f of found) findings.push(f);
  }
  // The institution's own check (申請者チェック): no sentence that speaks to the reviewer.
  if (ctx.view === "institution") for (let k = 0; k < findings.length; k++) findings[k] = institutionWording(findings[k], ctx.profile, state.accepted.orgType);
  findings.sort(compareCellProblems);
  const result: RowResult = { row: input.row, filled: true, findings, values: state.accepted };

  const nameText = state.broken.has("name") ? "" : trimSpaces(state.text("name"));
  if (nameText !== "") {
    result.person = personKey(nameText);
    const type = state.accepted.orgType ?? (state.isBlank("orgType") || state.broken.has("orgType") ? "" : codeText(state.cell("orgType")).text);
    const institution = state.accepted.institutionCode ?? codeOrEmpty(state, "institutionCode");
    const place = institution !== "" ? `AJ:${institution}` : `K:${state.accepted.healthCenterCode ?? codeOrEmpty(state, "healthCenterCode")}`;
    result.duplicateKey = `${result.person}\u0001${type}\u0001${place}`;
  }
  const contacts = contactKeys(state);
  if (contacts.length > 0) result.contacts = contacts;
  const method = state.tfaMethod;
  if (method?.needs === "tfaEmail" && state.accepted.tfaEmail !== undefined) {
    result.tfaKey = `m:${emailKey(state.accepted.tfaEmail)}`;
    result.tfaColumn = ctx.profile.fields.tfaEmail.column;
  } else if (method?.needs === "tfaPhone" && state.phoneDigits.tfaPhone !== undefined) {
    result.tfaKey = `p:${state.phoneDigits.tfaPhone}`;
    result.tfaColumn = ctx.profile.fields.tfaPhone.column;
  }
  return result;
}

/** D and AM (mail keys) and AL (phone digits), accepted values first, else the typed text folded (an invalid one still tells). */
function contactKeys(state: RowState): string[] {
  const keys = new Set<string>();
  for (const field of ["email", "tfaEmail"] as const) {
    const value = state.accepted[field] ?? (state.broken.has(field) || state.isBlank(field) ? undefined : nfkc(trimSpaces(state.text(field))));
    if (value) keys.add(`m:${emailKey(value)}`);
  }
  const phone = state.phoneDigits.tfaPhone ?? (state.broken.has("tfaPhone") || state.isBlank("tfaPhone") ? undefined : nfkc(state.text("tfaPhone")).replace(/\D/g, ""));
  if (phone) keys.add(`p:${phone}`);
  return [...keys];
}

/** Whether two rows share a contact (D, AM or AL). */
export function shareContact(a: RowResult, b: RowResult): boolean {
  return a.contacts !== undefined && b.contacts !== undefined && a.contacts.some((c) => b.contacts!.includes(c));
}

function codeOrEmpty(state: RowState, field: FieldKey): string {
  if (state.broken.has(field) || state.isBlank(field)) return "";
  return codeText(state.cell(field)).text;
}
