import type { z as Z } from "zod";
import { columnIndex } from "../columns";
import { onFirstUse, zod } from "../zod";

export const FIELD_KEYS = [
  "name",
  "phone",
  "email",
  "orgType",
  "cityCode",
  "healthCenterCode",
  "downloadFlag",
  "institutionCode",
  "tfaPhone",
  "tfaEmail",
  "tfaMethod",
] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];

export const MASTER_KINDS = ["healthCenter", "zensu", "teiten", "animal"] as const;
export type MasterKind = (typeof MASTER_KINDS)[number];

const COLUMN_LETTERS = /^(?:[A-Z]{1,2}|[A-W][A-Z]{2}|X[A-E][A-Z]|XF[A-D])$/;
/** The profile's schemas, built on first use (zod loads then: see zod.ts). */
function buildSchemas() {
  const z = zod();
  const ColumnSchema = z.string().regex(COLUMN_LETTERS, { message: "列は A〜XFD の英大文字で指定してください" });

  const FieldSchema = z.object({
    column: ColumnSchema,
    label: z.string().min(1),
    item: z.number().int().positive(),
    /**
     * Other headings people write for this item (氏名 for 利用者名 …), compared with the label after NFKC, without spaces,
     * line breaks, ・/()「」 and ※/必須. Absent = the built-in ones (FIELD_HEADINGS in default-profile.ts).
     */
    headings: z.array(z.string().min(1)).optional(),
  });

  const MasterColumnSchema = z.object({
    /** Default position when the header row does not name the column; absent = the column is optional: used only when a header names it. */
    column: ColumnSchema.optional(),
    /** Header labels that identify the column (first match wins). */
    headers: z.array(z.string().min(1)).min(1),
  });

  const MasterLayoutSchema = z.object({
    label: z.string().min(1),
    /** Sheet names that hold this master (compared after NFKC, so （全数） = (全数)). */
    sheetNames: z.array(z.string().min(1)).min(1),
    headerRow: z.number().int().positive(),
    columns: z.object({
      code: MasterColumnSchema.extend({ column: ColumnSchema }),
      name: MasterColumnSchema.optional(),
      kana: MasterColumnSchema.optional(),
      healthCenterCode: MasterColumnSchema.optional(),
      cityCode: MasterColumnSchema.optional(),
      /** 都道府県名: shown beside a name and searched (absent: the 都道府県 the address begins with). */
      prefecture: MasterColumnSchema.optional(),
      /** 住所: only the 都道府県 it begins with is kept (to tell same-named institutions apart, and to search by it). */
      address: MasterColumnSchema.optional(),
    }),
  });

  const OrgTypeSchema = z.object({
    code: z.string().regex(/^\d+$/),
    label: z.string().min(1),
    master: z.enum(["zensu", "teiten", "animal"]),
    /** Held back until the user says otherwise (export --include-16). The default profile defers nothing: 16 is ordinary. */
    deferred: z.boolean(),
    /** Where this type is applied for when this window does not take it (see acceptedOrgTypes), e.g. 「都道府県（県庁 感染症対策課）」. */
    appliedAt: z.string().min(1).optional(),
    /** What to collect from the institution when AJ is blank. */
    collect: z.array(z.string().min(1)),
  });

  const TfaMethodSchema = z.object({
    code: z.string().regex(/^\d+$/),
    label: z.string().min(1),
    needs: z.enum(["tfaEmail", "tfaPhone"]),
    mobileOnly: z.boolean(),
  });

  const FormProfileSchema = z
    .object({
      id: z.string().min(1),
      name: z.string().min(1),
      sheet: z.object({
        preferredName: z.string().min(1),
        headerMarker: z.object({ column: ColumnSchema, label: z.string().min(1) }),
        headerSearchRows: z.number().int().min(1).max(100),
        statusColumn: ColumnSchema,
        firstColumn: ColumnSchema,
        lastColumn: ColumnSchema,
        /** Headings of the grey (入力不要) columns (absent = 「（入力不要）」); blank-headed columns between items count too. */
        greyHeadings: z.array(z.string().min(1)).optional(),
      }),
      fields: z.object(Object.fromEntries(FIELD_KEYS.map((k) => [k, FieldSchema])) as Record<FieldKey, typeof FieldSchema>),
      required: z.array(z.enum(FIELD_KEYS)),
      greyColumns: z.array(ColumnSchema),
      /**
       * Where items are, whatever their headings say: item key (phone) or label (連絡先電話番号) → column letter. It wins over
       * headings and is reported as found "override" (the CLI's --profile is where a mapping is saved for reuse).
       */
      columns: z.record(z.string(), ColumnSchema).optional(),
      orgTypes: z.array(OrgTypeSchema).min(1),
      /** The account types this window accepts (codes of orgTypes); absent = all. Another type → warning, left out of the export. */
      acceptedOrgTypes: z.array(z.string().regex(/^\d+$/)).min(1).optional(),
      /**
       * Items the municipality fills itself (e.g. orgType, cityCode, healthCenterCode, downloadFlag = items 4–7); absent = none,
       * the institution fills every item. In the institution's view a blank one is info, not an error; review and export still require it.
       */
      filledByMunicipality: z.array(z.enum(FIELD_KEYS)).optional(),
      downloadFlags: z.array(z.string().min(1)).min(1),
      tfaMethods: z.array(TfaMethodSchema).min(1),
      mobilePrefixes: z.array(z.string().regex(/^0\d{2}$/)),
      genericNames: z.array(z.string().min(1)),
      masters: z.object({
        healthCenter: MasterLayoutSchema,
        zensu: MasterLayoutSchema,
        teiten: MasterLayoutSchema,
        animal: MasterLayoutSchema,
      }),
      csv: z.object({
        columns: z.array(ColumnSchema).min(1),
        header: z.boolean(),
        encoding: z.enum(["cp932", "utf8bom"]),
        lineEnding: z.enum(["\r\n", "\n"]),
      }),
    })
    .superRefine((p, ctx) => {
      // zod runs this even when a column letter failed its own check: such letters are skipped here.
      const valid = (col: string) => COLUMN_LETTERS.test(col);
      const first = columnIndex(valid(p.sheet.firstColumn) ? p.sheet.firstColumn : "A");
      const last = columnIndex(valid(p.sheet.lastColumn) ? p.sheet.lastColumn : "XFD");
      const inRange = (col: string) => !valid(col) || (columnIndex(col) >= first && columnIndex(col) <= last);
      if (first > last) ctx.addIssue({ code: "custom", path: ["sheet", "lastColumn"], message: "最終列が先頭列より前にあります" });
      const seen = new Map<string, string>();
      for (const key of FIELD_KEYS) {
        const col = p.fields[key].column;
        if (!inRange(col)) ctx.addIssue({ code: "custom", path: ["fields", key, "column"], message: `列 ${col} が様式の範囲外です` });
        if (col === p.sheet.statusColumn) ctx.addIssue({ code: "custom", path: ["fields", key, "column"], message: `列 ${col} は状態（No.）の列です` });
        if (seen.has(col)) ctx.addIssue({ code: "custom", path: ["fields", key, "column"], message: `列 ${col} が ${seen.get(col)} と重複しています` });
        seen.set(col, key);
      }
      p.greyColumns.forEach((col, i) => {
        if (seen.has(col)) ctx.addIssue({ code: "custom", path: ["greyColumns", i], message: `列 ${col} は入力項目（${seen.get(col)}）です` });
        if (!inRange(col)) ctx.addIssue({ code: "custom", path: ["greyColumns", i], message: `列 ${col} が様式の範囲外です` });
      });
      const exported = new Set<string>();
      p.csv.columns.forEach((col, i) => {
        if (!inRange(col)) ctx.addIssue({ code: "custom", path: ["csv", "columns", i], message: `列 ${col} が様式の範囲外です` });
        if (exported.has(col)) ctx.addIssue({ code: "custom", path: ["csv", "columns", i], message: `列 ${col} が重複しています` });
        exported.add(col);
      });
      if (p.columns) {
        const used = new Map<string, string>();
        for (const [name, col] of Object.entries(p.columns)) {
          const key = FIELD_KEYS.find((k) => k === name || p.fields[k].label === name);
          if (!key) ctx.addIssue({ code: "custom", path: ["columns", name], message: `「${name}」は項目のキー（name・phone など）でも項目名（${p.fields.name.label} など）でもありません` });
          else if (used.has(col)) ctx.addIssue({ code: "custom", path: ["columns", name], message: `列 ${col} は「${used.get(col)}」にも指定されています` });
          used.set(col, name);
        }
      }
      const codes = new Set<string>();
      p.orgTypes.forEach((t, i) => {
        if (codes.has(t.code)) ctx.addIssue({ code: "custom", path: ["orgTypes", i, "code"], message: `コード ${t.code} が重複しています` });
        codes.add(t.code);
      });
      p.acceptedOrgTypes?.forEach((code, i) => {
        if (!codes.has(code)) ctx.addIssue({ code: "custom", path: ["acceptedOrgTypes", i], message: `コード ${code} は orgTypes にありません` });
      });
    });
  return { FormProfileSchema };
}

/** The schema a profile is validated with (loadProfile). */
export const profileSchemas = onFirstUse(buildSchemas);

export type FormProfile = Z.infer<ReturnType<typeof buildSchemas>["FormProfileSchema"]>;
export type MasterLayout = FormProfile["masters"][MasterKind];
export type OrgType = FormProfile["orgTypes"][number];
export type TfaMethod = FormProfile["tfaMethods"][number];
