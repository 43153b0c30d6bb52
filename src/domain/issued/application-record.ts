import { cellText } from "../cell";
import type { FormChecker } from "../check/form-checker";
import type { FieldKey } from "../profile/schema";
import { trimSpaces } from "../text/normalize";

/**
 * One application row of a checked form, as the account mails need it: who, where to write, which account
 * type and institution, and the 2FA method. Values are the ones the check accepted (normalized as the spec
 * allows); for a field with an error, the text as typed (trimmed), so the row can still be matched.
 */
export interface ApplicationRecord {
  /** Unique across forms: `${source}#${row}`. */
  key: string;
  /** Which form (file / sheet) the row is in, as the caller names it. */
  source: string;
  row: number;
  name: string;
  email: string;
  orgType: string;
  institutionCode: string;
  /** From the institution master when loaded; "" otherwise. */
  institutionName: string;
  healthCenterCode: string;
  tfaMethod: string;
  tfaEmail: string;
  tfaPhone: string;
  /** The row has an error (the registration CSV left it out). */
  hasErrors: boolean;
}

/** Every filled row of a checked form, in row order. */
export function applicationRecords(source: string, checker: FormChecker): ApplicationRecord[] {
  const { profile, masters, fieldIndex } = checker.ctx;
  return checker.filledRows().map((row) => {
    const accepted = checker.rowResult(row)?.values ?? {};
    const cells = checker.rowInput(row)?.cells ?? [];
    const value = (field: FieldKey): string => accepted[field] ?? trimSpaces(cellText(cells[fieldIndex[field]] ?? null));
    const orgType = value("orgType");
    const institutionCode = value("institutionCode");
    const master = profile.orgTypes.find((t) => t.code === orgType)?.master;
    const institutionName = (master && institutionCode && masters[master]?.get(institutionCode)?.name) || "";
    return {
      key: `${source}#${row}`,
      source,
      row,
      name: value("name"),
      email: value("email"),
      orgType,
      institutionCode,
      institutionName,
      healthCenterCode: value("healthCenterCode"),
      tfaMethod: value("tfaMethod"),
      tfaEmail: value("tfaEmail"),
      tfaPhone: value("tfaPhone"),
      hasErrors: checker.rowFindings(row).some((f) => f.severity === "error"),
    };
  });
}
