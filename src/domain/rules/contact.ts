import { type CellProblem } from "../problems/problem";
import { checkEmail } from "../values/email";
import { checkPhone } from "../values/phone";
import type { Rule } from "./rule";

/** 連絡先電話番号 (C): a Japanese domestic number. */
export const contactPhone: Rule = {
  id: "contact-phone",
  run(row) {
    const out: CellProblem[] = [];
    if (!row.requirePresent("phone", row.ctx.required.has("phone"), out)) return out;
    const result = checkPhone(row.cell("phone"));
    row.issues("phone", result.issues, out);
    if (result.accepted !== undefined) {
      row.accept("phone", result.accepted);
      row.phoneDigits.phone = result.digits;
    }
    return out;
  },
};

/** 連絡先メールアドレス (D): ASCII addr-spec; may be shared by several users. */
export const contactEmail: Rule = {
  id: "contact-email",
  run(row) {
    const out: CellProblem[] = [];
    if (!row.requirePresent("email", row.ctx.required.has("email"), out)) return out;
    const result = checkEmail(row.text("email"));
    row.issues("email", result.issues, out);
    if (result.accepted !== undefined) row.accept("email", result.accepted);
    return out;
  },
};
