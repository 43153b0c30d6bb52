import { cellIntegrity } from "./cell-integrity";
import { contactEmail, contactPhone } from "./contact";
import { downloadFlag } from "./download-flag";
import { genericName } from "./generic-name";
import { greyColumns } from "./grey-columns";
import { cityCode, healthCenterCode } from "./health-center";
import { institutionCode } from "./institution";
import { userName } from "./name";
import { orgType } from "./org-type";
import type { Rule } from "./rule";
import { tfaEmail, tfaMethod, tfaPhone } from "./two-factor";

/** Per-row rules in the order they run: integrity first, then fields, each after the fields it depends on. */
export const ROW_RULES: readonly Rule[] = [
  cellIntegrity,
  userName,
  contactPhone,
  contactEmail,
  orgType,
  healthCenterCode,
  cityCode,
  downloadFlag,
  institutionCode,
  tfaMethod,
  tfaPhone,
  tfaEmail,
  greyColumns,
  genericName,
];
