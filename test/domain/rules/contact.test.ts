import { messageOf } from "../../../src/domain";
import { checkValid, keys } from "../../support/form-rows";

describe("C 連絡先電話番号", () => {
  it("accepts Japanese domestic numbers as typed", () => {
    for (const phone of ["03-5555-1000", "0355551000", "090-1234-5678", "09012345678", "0120-123-456", "050-1234-5678", "0466-12-3456", "070-1234-5678"]) {
      const r = checkValid({ phone });
      expect(keys(r.findings)).toEqual([]);
      expect(r.values.phone).toBe(phone);
    }
  });

  it("is required", () => {
    expect(keys(checkValid({ phone: null }).findings)).toEqual(["C:required.missing"]);
    expect(keys(checkValid({ phone: " " }).findings)).toEqual(["C:required.missing"]);
  });

  it("a numeric cell that lost its leading 0 is an error with the fix shown", () => {
    const r = checkValid({ phone: 312345678 });
    expect(keys(r.findings)).toEqual(["C:phone.leading-zero-lost"]);
    expect(r.findings[0].severity).toBe("error");
    expect(r.findings[0].fix).toBe("03-1234-5678");
    expect(messageOf(r.findings[0])).toContain("312345678");
    expect(messageOf(r.findings[0])).toContain("03-1234-5678");
    expect(r.values.phone).toBeUndefined();

    const mobile = checkValid({ phone: 9012345678 });
    expect(keys(mobile.findings)).toEqual(["C:phone.leading-zero-lost"]);
    expect(mobile.findings[0].fix).toBe("090-1234-5678");
  });

  it("a numeric cell that is not a number even with a 0 in front is an error without a fix", () => {
    for (const phone of [12345, 0, -312345678, 3.5, 1e25, NaN, Infinity]) {
      const r = checkValid({ phone });
      expect(r.findings.map((f) => f.place.column)).toEqual(["C"]);
      expect(r.findings[0].severity).toBe("error");
      expect(r.findings[0].fix).toBeUndefined();
    }
  });

  it("text without the leading 0 is an error; the fix is offered when adding 0 makes a valid number", () => {
    const r = checkValid({ phone: "312345678" });
    expect(keys(r.findings)).toEqual(["C:phone.no-leading-zero"]);
    expect(r.findings[0].fix).toBe("03-1234-5678");
  });

  it("full-width digits and hyphens are a warning and are normalized", () => {
    for (const phone of ["０３－５５５５－１０００", "03ー5555ー1000", "03−5555−1000", "０３‐５５５５‐１０００"]) {
      const r = checkValid({ phone });
      expect(keys(r.findings)).toEqual(["C:phone.normalized"]);
      expect(r.findings[0].severity).toBe("warning");
      expect(r.findings[0].fix).toBe("03-5555-1000");
      expect(r.values.phone).toBe("03-5555-1000");
    }
  });

  it("surrounding spaces are a warning and trimmed", () => {
    const r = checkValid({ phone: " 03-5555-1000　" });
    expect(keys(r.findings)).toEqual(["C:text.surrounding-space"]);
    expect(r.values.phone).toBe("03-5555-1000");
  });

  it("the +81 form is an error with the domestic form as fix", () => {
    for (const phone of ["+81-3-1234-5678", "+81 3 1234 5678", "+81-90-1234-5678", "＋８１－３－１２３４－５６７８"]) {
      const r = checkValid({ phone });
      expect(keys(r.findings)).toEqual(["C:phone.international"]);
      expect(r.findings[0].severity).toBe("error");
    }
    expect(checkValid({ phone: "+81-3-1234-5678" }).findings[0].fix).toBe("03-1234-5678");
    expect(checkValid({ phone: "+81-90-1234-5678" }).findings[0].fix).toBe("090-1234-5678");
    expect(checkValid({ phone: "+81-(0)3-1234-5678" }).findings[0].fix).toBe("03-1234-5678");
  });

  it("foreign numbers are errors", () => {
    for (const phone of ["+1-202-555-0100", "+44 20 7946 0958", "+82-2-312-3456"]) {
      expect(keys(checkValid({ phone }).findings)).toEqual(["C:phone.foreign"]);
    }
  });

  it("numbers outside the allocated ranges are invalid", () => {
    for (const phone of ["090-0000-0000", "03-0000-0000", "0001234567"]) {
      const r = checkValid({ phone });
      expect(keys(r.findings)).toEqual(["C:phone.invalid"]);
    }
  });

  it("wrong lengths are errors naming the digit count", () => {
    const cases: [string, number][] = [
      ["03-1234-567", 9],
      ["090-1234-56789", 12],
      ["03-1234", 6],
      ["090-1234-567", 10],
      ["03-1234-56789", 11],
    ];
    for (const [phone, digits] of cases) {
      const r = checkValid({ phone });
      expect(keys(r.findings)).toEqual(["C:phone.length"]);
      expect(messageOf(r.findings[0])).toContain(`${digits}桁`);
    }
  });

  it("letters and other characters are errors", () => {
    for (const phone of ["TEL03-5555-1000", "なし", "03-5555-1000.5", "03)5555-1000", "03(5555-1000", "((03))5555-1000", "03()5555-1000"]) {
      expect([phone, keys(checkValid({ phone }).findings)]).toEqual([phone, ["C:phone.invalid-characters"]]);
    }
  });

  it("parentheses or spaces around the area code are a warning whose fix, and the value registered, is the hyphenated number", () => {
    const cases: [string, string][] = [
      ["03(5555)1300", "03-5555-1300"],
      ["(03)5555-1301", "03-5555-1301"],
      ["03 5555 1301", "03-5555-1301"],
      ["(03) 5555-1301", "03-5555-1301"],
      ["０３（５５５５）１３００", "03-5555-1300"],
      ["（０３）５５５５－１３０１", "03-5555-1301"],
      ["０３　５５５５　１３０１", "03-5555-1301"],
      ["090 1234 5678", "090-1234-5678"],
      ["(0466)12-3456", "0466-12-3456"],
      [" 03(5555)1300 ", "03-5555-1300"],
    ];
    for (const [phone, fix] of cases) {
      const r = checkValid({ phone });
      expect([phone, keys(r.findings)]).toEqual([phone, ["C:phone.parentheses"]]);
      expect(r.findings[0].severity).toBe("warning");
      expect(r.findings[0].fix).toBe(fix);
      expect(messageOf(r.findings[0])).toContain(fix);
      expect(r.values.phone).toBe(fix);
    }
  });

  it("a number in parentheses that is itself wrong gets the number's own error, not the parentheses warning", () => {
    expect(keys(checkValid({ phone: "(03)5555-130" }).findings)).toEqual(["C:phone.length"]);
    expect(keys(checkValid({ phone: "(090)0000-0000" }).findings)).toEqual(["C:phone.invalid"]);
  });

  it("an extension is an error with its own sentence, fixed to the number alone when that is valid", () => {
    const cases = ["03-5555-1302 内線12", "03-5555-1302内線:12", "03-5555-1302（内線１２）", "03-5555-1302 内12", "03-5555-1302 ext.12", "03-5555-1302 EXT 12", "03-5555-1302x12", "03-5555-1302#12", "０３－５５５５－１３０２＃１２", "(03)5555-1302 内線12"];
    for (const phone of cases) {
      const r = checkValid({ phone });
      expect([phone, keys(r.findings)]).toEqual([phone, ["C:phone.extension"]]);
      expect(r.findings[0].severity).toBe("error");
      expect(r.findings[0].fix).toBe("03-5555-1302");
      expect(messageOf(r.findings[0])).toContain("内線");
      expect(r.values.phone).toBeUndefined();
    }
  });

  it("long cells of digits, spaces and parentheses are judged in one pass (no runaway pattern matching)", () => {
    for (const phone of ["1" + " ".repeat(30000) + "x", "0".repeat(40) + ")", "0 ".repeat(16000) + ")", "(0" + "1".repeat(30000)]) {
      expect(keys(checkValid({ phone }).findings)).toEqual(["C:phone.invalid-characters"]);
    }
  });

  it("an extension after a number that is not valid by itself is an error without a fix", () => {
    const r = checkValid({ phone: "03-5555-130 内線12" });
    expect(keys(r.findings)).toEqual(["C:phone.extension"]);
    expect(r.findings[0].fix).toBeUndefined();
  });

  it("a value that starts like a formula is refused before it can be accepted", () => {
    for (const phone of ["-03-5555-1000", "=0355551000", "@0355551000"]) {
      const r = checkValid({ phone });
      expect(keys(r.findings)).toEqual(["C:cell.formula-like"]);
      expect(r.values.phone).toBeUndefined();
    }
  });

  it("may be shared by several users (no finding across rows is tested here: see form-checker)", () => {
    expect(checkValid({ phone: "03-5555-1000" }).values.phone).toBe("03-5555-1000");
  });
});

describe("D 連絡先メールアドレス", () => {
  it("accepts ASCII addr-specs", () => {
    for (const email of ["a@example.jp", "sato.taro@example-hosp.co.jp", "o'brien+x@mail.example.com", "A.B@EXAMPLE.JP"]) {
      const r = checkValid({ email });
      expect(keys(r.findings)).toEqual([]);
      expect(r.values.email).toBe(email);
    }
  });

  it("is required", () => {
    expect(keys(checkValid({ email: null }).findings)).toEqual(["D:required.missing"]);
  });

  it("a full-width ＠ is an error; the fix is offered, not applied", () => {
    const r = checkValid({ email: "tanaka＠example-hosp.jp" });
    expect(keys(r.findings)).toEqual(["D:email.fullwidth"]);
    expect(r.findings[0].severity).toBe("error");
    expect(r.findings[0].fix).toBe("tanaka@example-hosp.jp");
    expect(r.values.email).toBeUndefined();
  });

  it("other full-width characters are errors; no fix when folding does not give a valid address", () => {
    const all = checkValid({ email: "ｔａｎａｋａ＠ｅｘａｍｐｌｅ．ｊｐ" });
    expect(keys(all.findings)).toEqual(["D:email.fullwidth"]);
    expect(all.findings[0].fix).toBe("tanaka@example.jp");
    const kanji = checkValid({ email: "田中@example.jp" });
    expect(keys(kanji.findings)).toEqual(["D:email.fullwidth"]);
    expect(kanji.findings[0].fix).toBeUndefined();
  });

  it.each([
    ["tanaka.example.jp", "@がありません"],
    ["a@b@example.jp", "@が複数あります"],
    ["tanaka @example.jp", "空白が含まれています"],
    ["tanaka.@example.jp", "ドットの位置が正しくありません"],
    ["a..b@example.jp", "ドットの位置が正しくありません"],
    ["a@example.jp,b@example.jp", "@が複数あります"],
    ["a@example.jp;", "カンマやセミコロン"],
    ["tanaka@localhost", "ドメイン"],
    ["tanaka@example.j", "ドメイン"],
  ])("%s is not an address (%s)", (email, reason) => {
    const r = checkValid({ email });
    expect(keys(r.findings)).toEqual(["D:email.invalid"]);
    expect(messageOf(r.findings[0])).toContain(reason);
  });

  it("an inner space is an error whose fix removes it", () => {
    const r = checkValid({ email: "tanaka @example.jp" });
    expect(r.findings[0].fix).toBe("tanaka@example.jp");
  });

  it("surrounding spaces are trimmed with a warning", () => {
    const r = checkValid({ email: "  sato@example-hosp.jp　" });
    expect(keys(r.findings)).toEqual(["D:text.surrounding-space"]);
    expect(r.values.email).toBe("sato@example-hosp.jp");
  });

  it("a local part over 64 or an address over 254 characters is invalid", () => {
    expect(keys(checkValid({ email: "a".repeat(65) + "@example.jp" }).findings)).toEqual(["D:email.invalid"]);
    expect(keys(checkValid({ email: "a@" + Array.from({ length: 5 }, (_, i) => String.fromCharCode(98 + i).repeat(60)).join(".") + ".jp" }).findings)).toEqual(["D:email.invalid"]);
  });
});
