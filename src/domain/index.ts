// The domain's public surface: pure TypeScript, no Office, no DOM. The CLI, the Excel layer and the pane import
// from here, and only what is named here (modules inside the domain import each other directly).

// problems: one shape, one catalogue
export { CATALOGUE, type ProblemCode } from "./problems/catalogue";
export { TEMPLATE_KIND_LABELS, type TemplateKind } from "./problems/messages/templates";
export { cellProblem, type CellProblem, compareCellProblems, messageOf, placed, problem, type Problem, problemsInOrder } from "./problems/problem";
export { placeText } from "./problems/place-text";
export { type Severity, SEVERITY_LABEL, SEVERITY_ORDER } from "./problems/severity";

// cells and columns
export { cellAddress, columnIndex, columnLetter, columnRange } from "./columns";
export { type Cell, cellText, isBlankCell, isCellError, numberText } from "./cell";

// form profiles
export { DEFAULT_PROFILE } from "./profile/default-profile";
export { loadProfile, loadProfileJson, type ProfileLoadResult } from "./profile/load-profile";
export { FIELD_KEYS, type FieldKey, type FormProfile, MASTER_KINDS, type MasterKind, type OrgType, profileSchemas } from "./profile/schema";

// finding the form in a workbook
export { checkFormSheet, findForms, type FormSheet, hiddenSheetNotices, mappedFormSheet } from "./form/find-forms";
export { type ColumnFound, type ColumnMapping, effectiveProfile, formTabColumnNotice, headingKey, isAbsentColumn, type ItemColumn, itemColumns, locateMovedForm, type MappedColumn, type MappedForm, mapFormColumns, mapFormHeader, mappingSummary } from "./form/column-mapping";
export { listFormSheet, mapsRequiredItems, sheetFromCsv } from "./form/list-form";
export { dataRows, locateHeader, rowHasData } from "./form/locate-form";

// the form check
export type { CheckView } from "./check/context";
export type { FormRow } from "./check/row-state";
export { checkForm, createCheckContext } from "./check/check-form";
export { checkNotices } from "./check/notices";
export { formReadiness } from "./check/readiness";
export { type CheckResult, FormChecker, type RowStatus } from "./check/form-checker";

// rules across rows and submissions
export { crossSubmissionFindings } from "./rules/cross-submission";

// masters
export { addMasters, type LoadedMaster, masterColumnFilter, masterFromCsv, mastersFromSheets } from "./masters/masters-from-sheets";
export { buildMasterIndex, describeMasters, detectMasterKind, type MasterSet } from "./masters/master-set";
export { masterCode, MasterIndex, type MasterIndexData, type MasterRecord } from "./masters/master-index";
export { searchPreference } from "./masters/jurisdiction";

// the workbook reader
export type { ColumnFilter, SheetData } from "./workbook/sheet-data";
export { inflateWorksheets, readXlsx, readXlsxAsync, type WorkbookRead } from "./workbook/xlsx-reader";
export { readSharedStringsPart, SharedStrings } from "./workbook/shared-strings";

// registration CSV and text encodings
export { decodeText, detectEncoding, encodeText, unencodableCharacters, unencodableInCp932, unencodableInUtf8 } from "./csv/encode-text";
export { type ClearedValue, type ExportOptions, type ExportRow, profileHeaderLabels, type RefusedRow, refusalText, registrationCsv } from "./csv/registration-csv";

// the check --json report
export { buildCheckReport, REPORT_FORMAT, REPORT_VERSION, reportSchemas } from "./report/check-report";

// the reviewer's desk (作業②)
export { REPORT_SHEET_HEADER, reviewReport, reviewReportGrid } from "./review/review-report";
export { approvalNeedsConfirmation, reviewProgress } from "./review/review-progress";
export { combineFormChecks } from "./review/combined-check";
export { decide, EMPTY_REVIEW_RECORD, initialDecision, parseReviewRecord, REMARK_MAX, REVIEW_STATUSES, type ReviewDecision, type ReviewRecord, type ReviewStatus, serializeReviewRecord } from "./review/review-record";
export { escapeHtml, reviewReportHtml } from "./review/report-html";
export { exportSourceOf, reviewExport } from "./review/review-export";
export { japaneseDate, LETTER_CLOSING, type LetterOptions, sendBackLetter, sendBackText } from "./review/sendback-text";
export { type CheckedSubmission, reviewCheck, type SubmissionSummary } from "./review/review-check";
export { type ExportableForm, registrationExport } from "./review/export-rows";
export { type ImportResult, importSubmissions, isImportRefusal, type SubmittedFile, unreadableFileNotice } from "./review/import-submissions";
export { type ReviewSubmission, submissionSource } from "./review/submission";
export { type ColumnChoices, correctedChoices, columnsChangeRows, mapSubmissionColumns, provenanceColumn, readSubmissionSheet, type SubmissionColumns, type SubmissionSheetRead } from "./review/submission-columns";
export { uncheckedMasters, type UncheckedMasters, uncheckedMastersMessage } from "./review/export-masters";

// resubmissions compared
export { diffForms, type FormDiff, formDiffJson } from "./diff/form-diff";
export { formDiffText } from "./diff/diff-text";
export { previousVersions } from "./diff/previous-version";

// marked-up send-back workbook
export { SEND_BACK_COLORS, sendBackWorkbook } from "./annotate/send-back-workbook";
export { sendBackMasters, type SendBackMasters } from "./annotate/send-back-masters";
export { CELL_COLOUR_LEGEND, type ReviewerMark, reviewerMarks, SEND_BACK_SHEET } from "./annotate/reviewer-marks";
export { institutionFindings } from "./annotate/institution-findings";

// issued accounts (作業③)
export { Secret } from "./issued/secret";
export { describeColumn, detectIssuedColumns, mappingProblems } from "./issued/issued-columns";
export { issuedColumnsFromOption, issuedColumnsOptionHint, type IssuedColumnsChoice } from "./issued/issued-columns-option";
export { encodingLabel, type IssuedCsvRead, parseIssuedCsv, readIssuedAccounts, readIssuedCsv, tableHeader } from "./issued/issued-csv";
export { isRequiredIssuedField, ISSUED_FIELD_LABELS, ISSUED_FIELDS, type IssuedAccount, type IssuedColumnMapping, REQUIRED_ISSUED_FIELDS } from "./issued/issued-account";
export { type AccountMatch, differingFieldLabels, MATCH_METHOD_LABELS, matchAccounts, type MatchResult, pairManually } from "./issued/match-accounts";
export { type ApplicationRecord, applicationRecords } from "./issued/application-record";

// account mails (作業④)
export { DEFAULT_MAIL_TEMPLATES } from "./mail/default-templates";
export { buildEml, type MailMessage } from "./mail/eml";
export { checkMailTemplates, type MailTemplates, parseTemplateFile, PLACEHOLDERS, placeholdersIn, renderTemplate, tokenizeTemplate } from "./mail/template";
export { checkSystemUrl } from "./mail/system-url";
export { draftsZip } from "./mail/drafts-zip";
export { mailtoLink } from "./mail/mailto";
export { safeFileStem, uniqueFileNames } from "./mail/draft-file-name";
export { type AccountDraft, buildAccountDrafts } from "./mail/account-drafts";
export { type MailAddress, parseMailbox } from "./mail/mail-address";

// the distributable form
export { DEFAULT_TEMPLATE_ROWS, distributableForm, HEALTH_CENTER_SHEET } from "./template/distributable-form";
export { inputGuidance } from "./template/input-guidance";
export { type ListedHealthCenter, selectHealthCenters } from "./template/health-center-list";

// text
export { displayText } from "./text/display";
