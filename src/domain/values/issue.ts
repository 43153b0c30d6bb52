import type { FindingCode, MessageParams } from "../messages";

/** A problem with one value, before it is placed at a row and column. */
export interface Issue {
  code: FindingCode;
  params?: MessageParams;
  fix?: string;
}

/** What checking one value gives: its issues and, when it can be registered, the value to register. */
export interface ValueCheck {
  issues: Issue[];
  accepted?: string;
}
