import type { z as Z } from "zod";
import { onFirstUse, zod } from "../zod";
import { problem, type Problem } from "../problems/problem";
import { FIELD_KEYS } from "../profile/schema";

/** The reviewer's decision on a submission (作業②): 受付 on import, then 要確認 / 差戻し / 承認. */
export const REVIEW_STATUSES = ["受付", "要確認", "差戻し", "承認"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const REMARK_MAX = 2000;

/** The review record's schemas, built on first use (zod loads then: see zod.ts). */
function buildSchemas() {
  const z = zod();
  const ReviewDecisionSchema = z
    .object({
      status: z.enum(REVIEW_STATUSES),
      remark: z.string().max(REMARK_MAX),
      /** ISO time the reviewer last set status or remark. */
      decidedAt: z.string().max(40).optional(),
    })
    .strict();

  const InstitutionSchema = z
    .object({
      code: z.string().max(40).optional(),
      name: z.string().max(200).optional(),
      basis: z.enum(["AJ", "K", "none"]),
      text: z.string().max(300),
    })
    .strict();

  /**
   * A submission whose columns are not where the profile says: the submitted sheet's width (provenance is written
   * to the right of it), the reviewer's corrections (item → column letter, null = none) and whether they confirmed.
   */
  const ColumnsSchema = z
    .object({
      width: z.number().int().min(0).max(16384),
      choices: z.partialRecord(z.enum(FIELD_KEYS), z.string().regex(/^[A-Z]{1,3}$/).nullable()),
      confirmed: z.boolean(),
      /** An online application service's list (header in row 1), read again as a list. */
      layout: z.literal("list").optional(),
    })
    .strict();

  /** What is kept per submission in the workbook. Cells are in the submission's own sheet, never here. */
  const SubmissionRecordSchema = z
    .object({
      id: z.string().regex(/^S\d{3,}$/),
      fileName: z.string().min(1).max(260),
      sourceSheet: z.string().min(1).max(31),
      sheetName: z.string().min(1).max(31),
      institution: InstitutionSchema,
      headerRow: z.number().int().min(1).max(100),
      importedAt: z.string().max(40).optional(),
      decision: ReviewDecisionSchema,
      columns: ColumnsSchema.optional(),
    })
    .strict();

  /**
   * The review state persisted in the workbook (document settings). Strict objects: a key that is not declared
   * here (a password, an ID list, the system URL…) cannot be written, and a record that has one is refused.
   */
  const ReviewRecordSchema = z
    .object({
      version: z.literal(1),
      settings: z
        .object({
          /** 16 (定点) accounts go into the CSV only when the reviewer turns this on (after go-live). */
          issueDeferred: z.boolean(),
          /** Header line in the registration CSV. */
          header: z.boolean(),
        })
        .strict(),
      submissions: z.array(SubmissionRecordSchema).max(1000),
    })
    .strict()
    .superRefine((r, ctx) => {
      const ids = new Set<string>();
      const sheets = new Set<string>();
      r.submissions.forEach((s, i) => {
        if (ids.has(s.id)) ctx.addIssue({ code: "custom", path: ["submissions", i, "id"], message: `申請ID ${s.id} が重複しています` });
        if (sheets.has(s.sheetName.toLowerCase())) ctx.addIssue({ code: "custom", path: ["submissions", i, "sheetName"], message: `シート ${s.sheetName} が重複しています` });
        ids.add(s.id);
        sheets.add(s.sheetName.toLowerCase());
      });
    });
  return { ReviewDecisionSchema, SubmissionRecordSchema, ReviewRecordSchema };
}

type Schemas = ReturnType<typeof buildSchemas>;
const schemas = onFirstUse(buildSchemas);

export type ReviewDecision = Z.infer<Schemas["ReviewDecisionSchema"]>;
export type ReviewRecord = Z.infer<Schemas["ReviewRecordSchema"]>;

export const EMPTY_REVIEW_RECORD: ReviewRecord = { version: 1, settings: { issueDeferred: false, header: true }, submissions: [] };

export function initialDecision(): ReviewDecision {
  return { status: "受付", remark: "" };
}

/** The record as the JSON text to store; throws on a record the schema refuses (a bug: the pane builds records). */
export function serializeReviewRecord(record: ReviewRecord): string {
  return JSON.stringify(schemas().ReviewRecordSchema.parse(record));
}

export type ReviewRecordParse = { ok: true; record: ReviewRecord } | { ok: false; problem: Problem };

/** Reads a stored record. A broken or foreign one is a message for the pane, not a crash. */
export function parseReviewRecord(text: string | null | undefined): ReviewRecordParse {
  if (text === null || text === undefined || text === "") return { ok: true, record: EMPTY_REVIEW_RECORD };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: problem("review-record.not-json") };
  }
  const parsed = schemas().ReviewRecordSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, problem: problem("review-record.invalid", { path: first.path.join("."), detail: first.message }) };
  }
  return { ok: true, record: parsed.data };
}

/** A new decision (status and/or remark changed) stamped with the time. */
export function decide(previous: ReviewDecision, change: Partial<Pick<ReviewDecision, "status" | "remark">>, now: string): ReviewDecision {
  const remark = change.remark ?? previous.remark;
  if (remark.length > REMARK_MAX) throw new RangeError(`remark longer than ${REMARK_MAX}`);
  return { status: change.status ?? previous.status, remark, decidedAt: now };
}
