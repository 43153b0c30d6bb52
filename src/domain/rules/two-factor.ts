import { cellProblem, type CellProblem } from "../problems/problem";
import { codeForLabel, codeText } from "../values/code";
import { checkEmail } from "../values/email";
import { checkPhone, isMobileNumber } from "../values/phone";
import type { Rule } from "./rule";

/** 二要素認証手段コード (AN): 1 メール, 2 SMS, 3 電話. */
export const tfaMethod: Rule = {
  id: "tfa-method",
  run(row) {
    const out: CellProblem[] = [];
    if (!row.requirePresent("tfaMethod", row.ctx.required.has("tfaMethod"), out)) return out;
    const { text, issue } = codeText(row.cell("tfaMethod"));
    const method = row.ctx.profile.tfaMethods.find((m) => m.code === text);
    if (!method) {
      const allowed = row.ctx.profile.tfaMethods.map((m) => `${m.code}（${m.label}）`).join("、");
      const fix = codeForLabel(row.text("tfaMethod"), row.ctx.profile.tfaMethods);
      out.push(cellProblem(row.row, row.column("tfaMethod"), "tfaMethod.invalid", { value: row.text("tfaMethod"), allowed }, fix));
      return out;
    }
    if (issue) row.issues("tfaMethod", [issue], out);
    row.tfaMethod = method;
    row.accept("tfaMethod", method.code);
    return out;
  },
};

/** 二要素認証用電話番号 (AL): required for SMS / 電話; SMS needs a mobile number. Checked whenever filled. */
export const tfaPhone: Rule = {
  id: "tfa-phone",
  run(row) {
    const out: CellProblem[] = [];
    const needed = row.tfaMethod?.needs === "tfaPhone";
    if (!row.requirePresent("tfaPhone", needed, out)) return out;
    const result = checkPhone(row.cell("tfaPhone"));
    row.issues("tfaPhone", result.issues, out);
    if (result.accepted === undefined || result.digits === undefined) return out;
    if (needed && row.tfaMethod?.mobileOnly && !isMobileNumber(result.digits, row.ctx.profile.mobilePrefixes)) {
      out.push(cellProblem(row.row, row.column("tfaPhone"), "tfa.sms-needs-mobile"));
      return out;
    }
    row.accept("tfaPhone", result.accepted);
    row.phoneDigits.tfaPhone = result.digits;
    return out;
  },
};

/** 二要素認証用メールアドレス (AM): required for メール. Checked whenever filled. */
export const tfaEmail: Rule = {
  id: "tfa-email",
  run(row) {
    const out: CellProblem[] = [];
    const needed = row.tfaMethod?.needs === "tfaEmail";
    if (!row.requirePresent("tfaEmail", needed, out)) return out;
    const result = checkEmail(row.text("tfaEmail"));
    row.issues("tfaEmail", result.issues, out);
    if (result.accepted !== undefined) row.accept("tfaEmail", result.accepted);
    return out;
  },
};
