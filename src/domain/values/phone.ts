import { parsePhoneNumberFromString, type NumberType } from "libphonenumber-js/max";
import { numberText, type Cell } from "../cell";
import { normalizeDigits, trimSpaces } from "../text/normalize";
import { problem, type Problem } from "../problems/problem";
import type { ValueCheck } from "./issue";

export interface PhoneCheck extends ValueCheck {
  /** Digits only (0312345678) when the number is valid. */
  digits?: string;
}

/** Each domestic number's type as libphonenumber-js /max finds it (null: not a valid number), parsed once. */
const types = new Map<string, NumberType | null>();

/**
 * The type of a Japanese domestic number (FIXED_LINE, MOBILE, TOLL_FREE…), undefined when it is not valid:
 * libphonenumber-js calls a number valid exactly when it finds its type, so one parse answers both questions
 * (a 二要素認証 number is asked both).
 */
function japaneseNumberType(digits: string): NumberType | undefined {
  let type = types.get(digits);
  if (type === undefined) {
    type = (/^0\d{9,10}$/.test(digits) && parsePhoneNumberFromString(digits, { defaultCountry: "JP", extract: false })?.getType()) || null;
    if (types.size > 50000) types.clear();
    types.set(digits, type);
  }
  return type ?? undefined;
}

/** Japanese domestic number validity (libphonenumber-js /max checks number ranges, not only lengths). */
export function isValidJapaneseNumber(digits: string): boolean {
  return japaneseNumberType(digits) !== undefined;
}

/** 03-1234-5678 style, as a fix suggestion. */
export function formatJapaneseNumber(digits: string): string {
  return parsePhoneNumberFromString(digits, "JP")?.formatNational() ?? digits;
}

/**
 * How many digits a domestic number with this prefix has: 020, 050, 070, 080, 090 (and 0800) are 11 digits;
 * everything else (fixed lines, 0120, 0570) is 10. 03-0… / 06-0… are 10-digit area codes with a bad subscriber
 * number, so 030 / 060 are not counted as 11-digit prefixes.
 */
export function expectedDigits(digits: string): number {
  return /^0[25789]0/.test(digits) ? 11 : 10;
}

/**
 * A number that can receive SMS: one of the profile's mobile prefixes (070/080/090) *and* typed MOBILE by
 * libphonenumber-js /max. The prefix alone is not enough: 0800 (toll-free) starts with 080.
 */
export function isMobileNumber(digits: string, prefixes: readonly string[]): boolean {
  if (digits.length !== 11 || !prefixes.some((p) => digits.startsWith(p))) return false;
  return japaneseNumberType(digits) === "MOBILE";
}

const ALLOWED = /^[0-9\-() ]+$/;

/**
 * Parentheses used as separators the way people write numbers: each pair around digits only, none nested or empty,
 * none left open ((03)5555-1301, 03(5555)1300). One pass over the text (a regex of repeated groups can backtrack for
 * a long time on a long cell).
 */
function wellParenthesized(text: string): boolean {
  let open = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "(") {
      if (open || !/\d/.test(text[i + 1] ?? "")) return false;
      open = true;
    } else if (c === ")") {
      if (!open) return false;
      open = false;
    } else if (open && !/\d/.test(c)) return false;
  }
  return !open;
}

/** Longer than this, a cell is not a number with an extension (and the extension pattern is not tried on it). */
const EXTENSION_MAX_LENGTH = 64;

/**
 * A number followed by an extension: 内線12, 内12, ext.12, ext 12, x12, #12, with or without a space, a colon or
 * parentheses around it (checked on the NFKC text, so ＃１２ and （内線１２） too).
 */
const EXTENSION = /^(.*?\d)[\s-]*\(?\s*(?:内線(?:番号)?|内|ext\.?|x|#)\s*[:.]?\s*\d+\s*\)?$/i;

/** 連絡先電話番号 / 二要素認証用電話番号 (present, not an error value). */
export function checkPhone(cell: Cell): PhoneCheck {
  if (typeof cell === "number") return checkNumericPhone(cell);
  const original = String(cell);
  const text = normalizeDigits(original);
  const extension = text.length <= EXTENSION_MAX_LENGTH ? EXTENSION.exec(text) : null;
  if (extension) {
    // The number without its extension, offered when it is valid by itself; the extension cannot be registered.
    const rest = checkTextPhone(original, extension[1]);
    const fix = rest.digits !== undefined ? formatJapaneseNumber(rest.digits) : undefined;
    return { issues: [problem("phone.extension", {}, {}, fix)] };
  }
  return checkTextPhone(original, text);
}

function checkTextPhone(original: string, text: string): PhoneCheck {
  const trimmed = trimSpaces(original);
  const issues: Problem[] = [];
  if (text !== trimmed) issues.push(problem("phone.normalized", {}, {}, text));
  else if (trimmed !== original) issues.push(problem("text.surrounding-space", {}, {}, trimmed));

  if (text.startsWith("+")) {
    const compact = text.replace(/[^0-9+]/g, "");
    if (compact.startsWith("+81")) {
      const domestic = "0" + compact.slice(3).replace(/^0/, "");
      return { issues: [problem("phone.international", {}, {}, isValidJapaneseNumber(domestic) ? formatJapaneseNumber(domestic) : undefined)] };
    }
    return { issues: [problem("phone.foreign")] };
  }
  if (!ALLOWED.test(text)) return { issues: [problem("phone.invalid-characters")] };
  const separated = /[() ]/.test(text);
  if (separated && !wellParenthesized(text)) return { issues: [problem("phone.invalid-characters")] };
  const digits = text.replace(/\D/g, "");
  if (!digits.startsWith("0")) {
    const withZero = "0" + digits;
    return { issues: [problem("phone.no-leading-zero", {}, {}, isValidJapaneseNumber(withZero) ? formatJapaneseNumber(withZero) : undefined)] };
  }
  if (digits.length !== expectedDigits(digits)) return { issues: [problem("phone.length", { digits: digits.length })] };
  if (!isValidJapaneseNumber(digits)) return { issues: [problem("phone.invalid")] };
  if (separated) {
    // Registered hyphenated, never with parentheses or spaces: one warning whose fix (and accepted value) is the
    // national format; it stands for phone.normalized / text.surrounding-space too (the fix covers them).
    const fix = formatJapaneseNumber(digits);
    return { issues: [problem("phone.parentheses", { fix }, {}, fix)], accepted: fix, digits };
  }
  return { issues, accepted: text, digits };
}

/** A number cell: Excel dropped the leading zero (312345678 was typed as 03-1234-5678 or 0312345678). */
function checkNumericPhone(n: number): PhoneCheck {
  const digits = numberText(n);
  if (!/^\d+$/.test(digits)) return { issues: [problem("phone.invalid")] };
  if (digits.startsWith("0")) return { issues: [problem("phone.invalid")] };
  const withZero = "0" + digits;
  if (isValidJapaneseNumber(withZero)) {
    const fix = formatJapaneseNumber(withZero);
    return { issues: [problem("phone.leading-zero-lost", { value: digits, fix }, {}, fix)] };
  }
  if (withZero.length !== expectedDigits(withZero)) return { issues: [problem("phone.length", { digits: digits.length })] };
  return { issues: [problem("phone.invalid")] };
}
