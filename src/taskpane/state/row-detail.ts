import {
  cellText,
  columnIndex,
  isBlankCell,
  type CellProblem,
  type FormChecker,
  type FormProfile,
  type MasterKind,
  type MasterRecord,
  type MasterSet,
  type OrgType,
  type RowStatus,
} from "../../domain";

/** Everything the pane shows about one row of the form: its findings, what it holds, what the masters say. */
export interface RowDetail {
  row: number;
  status: RowStatus | undefined;
  findings: CellProblem[];
  name: string;
  /** E as typed. */
  orgTypeText: string;
  /** E as the profile knows it (09 / 16 / 11), when valid. */
  orgType?: OrgType;
  cityCode: string;
  healthCenterCode: string;
  institutionCode: string;
  healthCenter?: MasterRecord;
  institution?: MasterRecord;
  /** The master AJ is checked against, from E. */
  institutionMaster?: MasterKind;
  institutionMasterLoaded: boolean;
  healthCenterMasterLoaded: boolean;
  /** AJ is blank: what to collect from the institution for the master registration (spec, item 8). */
  collect?: string[];
  /** E = 16: issued only after the new system goes live. */
  deferred: boolean;
}

export function describeRow(checker: FormChecker, row: number, profile: FormProfile, masters: MasterSet): RowDetail {
  const input = checker.rowInput(row);
  const result = checker.rowResult(row);
  const text = (column: string) => cellText(input?.cells[columnIndex(column)] ?? null).trim();
  const f = profile.fields;
  const orgTypeCode = result?.values.orgType;
  const orgType = orgTypeCode === undefined ? undefined : profile.orgTypes.find((t) => t.code === orgTypeCode);
  const healthCenterCode = result?.values.healthCenterCode ?? text(f.healthCenterCode.column);
  const institutionCode = result?.values.institutionCode ?? text(f.institutionCode.column);
  const institutionMaster = orgType?.master;
  const ajBlank = input ? isBlankCell(input.cells[columnIndex(f.institutionCode.column)] ?? null) : false;
  return {
    row,
    status: checker.status(row),
    findings: checker.rowFindings(row),
    name: text(f.name.column),
    orgTypeText: text(f.orgType.column),
    orgType,
    cityCode: result?.values.cityCode ?? text(f.cityCode.column),
    healthCenterCode,
    institutionCode,
    healthCenter: healthCenterCode ? masters.healthCenter?.get(healthCenterCode) : undefined,
    institution: institutionCode && institutionMaster ? masters[institutionMaster]?.get(institutionCode) : undefined,
    institutionMaster,
    institutionMasterLoaded: institutionMaster !== undefined && masters[institutionMaster] !== undefined,
    healthCenterMasterLoaded: masters.healthCenter !== undefined,
    collect: input && ajBlank && orgType ? orgType.collect : undefined,
    deferred: orgType?.deferred ?? false,
  };
}
