import type { CatalogueEntry } from "./entry";
import { CELL_RULE_MESSAGES } from "./messages/cell-rules";
import { CHECK_NOTICE_MESSAGES } from "./messages/check-notices";
import { COLUMN_MESSAGES } from "./messages/columns";
import { EXPORT_MESSAGES } from "./messages/export";
import { FILE_MESSAGES } from "./messages/files";
import { INSTITUTION_VIEW_MESSAGES } from "./messages/institution-view";
import { IMPORT_MESSAGES } from "./messages/import";
import { ISSUED_MESSAGES } from "./messages/issued";
import { MAIL_MESSAGES } from "./messages/mail";
import { PROFILE_MESSAGES } from "./messages/profile";
import { TEMPLATE_MESSAGES } from "./messages/templates";

/**
 * The one catalogue of everything the product reports: stable code → severity and the Japanese sentence, made from
 * a problem's params and place when it is shown (messageOf), never when it is found. Tests assert codes; users read
 * text. docs/form-rules.md lists every code (test/domain/docs-catalogue.test.ts keeps the two in step).
 */
export const CATALOGUE = {
  ...CELL_RULE_MESSAGES,
  ...INSTITUTION_VIEW_MESSAGES,
  ...FILE_MESSAGES,
  ...CHECK_NOTICE_MESSAGES,
  ...COLUMN_MESSAGES,
  ...PROFILE_MESSAGES,
  ...IMPORT_MESSAGES,
  ...ISSUED_MESSAGES,
  ...TEMPLATE_MESSAGES,
  ...EXPORT_MESSAGES,
  ...MAIL_MESSAGES,
} satisfies Record<string, CatalogueEntry>;

export type ProblemCode = keyof typeof CATALOGUE;

export type FileProblemCode = keyof typeof FILE_MESSAGES;
export type TemplateProblemCode = keyof typeof TEMPLATE_MESSAGES;
export type IssuedProblemCode = keyof typeof ISSUED_MESSAGES;
