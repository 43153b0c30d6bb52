import { messageOf } from "../../../src/domain";
import { checkValid, keys } from "../../support/form-rows";

const SMS = { tfaMethod: "2", tfaEmail: null };
const VOICE = { tfaMethod: "3", tfaEmail: null };

describe("AN 二要素認証手段コード", () => {
  it("1 メール, 2 SMS, 3 電話 are accepted, as text or numbers", () => {
    expect(checkValid({ tfaMethod: 1 }).values.tfaMethod).toBe("1");
    expect(keys(checkValid({ ...SMS, tfaPhone: "090-1234-5678" }).findings)).toEqual([]);
    expect(keys(checkValid({ ...VOICE, tfaPhone: "03-5555-1000" }).findings)).toEqual([]);
  });

  it("full-width digits are normalized with a warning", () => {
    const r = checkValid({ tfaMethod: "１" });
    expect(keys(r.findings)).toEqual(["AN:code.normalized"]);
    expect(r.values.tfaMethod).toBe("1");
  });

  it("missing or invalid AN is only an AN error: AL/AM are then not required", () => {
    for (const tfaMethod of [null, "4", "メール", 0, "12"]) {
      const r = checkValid({ tfaMethod, tfaEmail: null, tfaPhone: null });
      expect(keys(r.findings)).toEqual([tfaMethod === null ? "AN:required.missing" : "AN:tfaMethod.invalid"]);
    }
    expect(messageOf(checkValid({ tfaMethod: "4" }).findings[0])).toContain("1（メール）、2（SMS）、3（電話）");
  });
});

describe("AM 二要素認証用メールアドレス", () => {
  it("is required when AN=1", () => {
    const r = checkValid({ tfaMethod: "1", tfaEmail: null });
    expect(keys(r.findings)).toEqual(["AM:required.missing"]);
    expect(messageOf(r.findings[0])).toContain("二要素認証用メールアドレス");
  });

  it("is checked like D", () => {
    const r = checkValid({ tfaEmail: "sato＠example.jp" });
    expect(keys(r.findings)).toEqual(["AM:email.fullwidth"]);
    expect(r.findings[0].fix).toBe("sato@example.jp");
    expect(keys(checkValid({ tfaEmail: "sato.example.jp" }).findings)).toEqual(["AM:email.invalid"]);
  });

  it("is not required for SMS / 電話, but a value there is still checked", () => {
    expect(keys(checkValid({ ...SMS, tfaPhone: "090-1234-5678" }).findings)).toEqual([]);
    expect(keys(checkValid({ ...SMS, tfaPhone: "090-1234-5678", tfaEmail: "bad" }).findings)).toEqual(["AM:email.invalid"]);
  });
});

describe("AL 二要素認証用電話番号", () => {
  it("is required when AN=2 or 3", () => {
    expect(keys(checkValid({ ...SMS, tfaPhone: null }).findings)).toEqual(["AL:required.missing"]);
    expect(keys(checkValid({ ...VOICE, tfaPhone: null }).findings)).toEqual(["AL:required.missing"]);
  });

  it("SMS needs a mobile number (070/080/090)", () => {
    for (const tfaPhone of ["070-1234-5678", "080-1234-5678", "090-1234-5678"]) {
      const r = checkValid({ ...SMS, tfaPhone });
      expect(keys(r.findings)).toEqual([]);
      expect(r.values.tfaPhone).toBe(tfaPhone);
    }
    for (const tfaPhone of ["03-5555-1000", "050-1234-5678", "0120-123-456", "0800-123-4567", "08001234567", "020-1234-5678"]) {
      const r = checkValid({ ...SMS, tfaPhone });
      expect(keys(r.findings)).toEqual(["AL:tfa.sms-needs-mobile"]);
      expect(r.findings[0].severity).toBe("error");
      expect(r.values.tfaPhone).toBeUndefined();
    }
  });

  it("電話 accepts any valid Japanese number", () => {
    expect(keys(checkValid({ ...VOICE, tfaPhone: "03-5555-1000" }).findings)).toEqual([]);
    expect(keys(checkValid({ ...VOICE, tfaPhone: "050-1234-5678" }).findings)).toEqual([]);
  });

  it("is checked like C (one error: an invalid number is not also 'not mobile')", () => {
    const lost = checkValid({ ...SMS, tfaPhone: 9012345678 });
    expect(keys(lost.findings)).toEqual(["AL:phone.leading-zero-lost"]);
    expect(lost.findings[0].fix).toBe("090-1234-5678");
    expect(keys(checkValid({ ...SMS, tfaPhone: "+81-90-1234-5678" }).findings)).toEqual(["AL:phone.international"]);
    expect(keys(checkValid({ ...SMS, tfaPhone: "090-0000-0000" }).findings)).toEqual(["AL:phone.invalid"]);
    expect(keys(checkValid({ ...SMS, tfaPhone: "03-1234-567" }).findings)).toEqual(["AL:phone.length"]);
    const wide = checkValid({ ...SMS, tfaPhone: "０９０－１２３４－５６７８" });
    expect(keys(wide.findings)).toEqual(["AL:phone.normalized"]);
    expect(wide.values.tfaPhone).toBe("090-1234-5678");
    const parens = checkValid({ ...SMS, tfaPhone: "090(1234)5678" });
    expect(keys(parens.findings)).toEqual(["AL:phone.parentheses"]);
    expect(parens.findings[0].fix).toBe("090-1234-5678");
    expect(parens.values.tfaPhone).toBe("090-1234-5678");
    const extension = checkValid({ ...VOICE, tfaPhone: "03-5555-1302 内線12" });
    expect(keys(extension.findings)).toEqual(["AL:phone.extension"]);
    expect(extension.findings[0].fix).toBe("03-5555-1302");
    expect(extension.values.tfaPhone).toBeUndefined();
  });

  it("SMS to a fixed line written with parentheses is still 'not mobile', not only the parentheses warning", () => {
    const r = checkValid({ ...SMS, tfaPhone: "(03)5555-1000" });
    expect(keys(r.findings)).toEqual(["AL:tfa.sms-needs-mobile", "AL:phone.parentheses"]);
  });

  it("is not required for メール, but a value there is still checked", () => {
    expect(keys(checkValid({ tfaPhone: "03-5555-1000" }).findings)).toEqual([]);
    expect(keys(checkValid({ tfaPhone: "12345" }).findings)).toEqual(["AL:phone.no-leading-zero"]);
  });
});

describe("AN typed as a label", () => {
  it.each([
    ["メール", "1"],
    ["1:メール", "1"],
    ["ＳＭＳ", "2"],
    ["3：電話", "3"],
  ])("%s is an error whose fix is the code %s", (tfaMethod, fix) => {
    const r = checkValid({ tfaMethod });
    expect(keys(r.findings)).toEqual(["AN:tfaMethod.invalid"]);
    expect(r.findings[0].fix).toBe(fix);
  });

  it("no fix for a code with the wrong label", () => {
    expect(checkValid({ tfaMethod: "1:SMS" }).findings[0].fix).toBeUndefined();
  });
});
