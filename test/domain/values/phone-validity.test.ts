import { isValidPhoneNumber, parsePhoneNumberFromString } from "libphonenumber-js/max";
import { isMobileNumber, isValidJapaneseNumber } from "../../../src/domain/values/phone";

/** Deterministic pseudo-random domestic numbers: every prefix 00–09 and 10 or 11 digits. */
function numbers(count: number, seed: number): string[] {
  let x = seed;
  const digit = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 16) % 10;
  return Array.from({ length: count }, (_, i) => "0" + Array.from({ length: (i % 2 ? 10 : 9) }, digit).join(""));
}

const MOBILE_PREFIXES = ["070", "080", "090"];

describe("Japanese phone number validity (one libphonenumber-js parse per number, cached)", () => {
  const known = ["0312345678", "0120123456", "0570012345", "05012345678", "09012345678", "08012345678", "07012345678", "0800123456", "09000000000", "0301234567", "0112345678", "06012345678", "0990123456"];

  it("agrees with libphonenumber-js's isValidPhoneNumber on known and 4,000 random numbers", () => {
    for (const d of [...known, ...numbers(4000, 3)]) expect([d, isValidJapaneseNumber(d)]).toEqual([d, isValidPhoneNumber(d, "JP")]);
  });

  it("asks the same number twice (cached) and gets the same answer", () => {
    for (const d of known) expect(isValidJapaneseNumber(d)).toBe(isValidJapaneseNumber(d));
    expect(isValidJapaneseNumber("09000000000")).toBe(false);
    expect(isValidJapaneseNumber("09012345678")).toBe(true);
  });

  it("calls a number mobile when it has a mobile prefix and libphonenumber-js types it MOBILE (0800 toll-free is not)", () => {
    for (const d of [...known, ...numbers(4000, 5)]) {
      const expected = d.length === 11 && MOBILE_PREFIXES.some((p) => d.startsWith(p)) && parsePhoneNumberFromString(d, "JP")?.getType() === "MOBILE";
      expect([d, isMobileNumber(d, MOBILE_PREFIXES)]).toEqual([d, expected]);
    }
    expect(isMobileNumber("08001234567", MOBILE_PREFIXES)).toBe(false);
    expect(isMobileNumber("09012345678", MOBILE_PREFIXES)).toBe(true);
  });

  it("rejects what is not a domestic number of 10 or 11 digits without asking the library", () => {
    for (const d of ["", "0", "312345678", "031234567", "031234567890", "+81312345678", "03-1234-5678"]) expect(isValidJapaneseNumber(d)).toBe(false);
  });
});
