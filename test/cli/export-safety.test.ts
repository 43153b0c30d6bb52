/**
 * `nesid-account export` outputs that cannot hurt: no unchecked codes without --no-masters, grey-column values left
 * out and listed, clear Japanese refusals for bad --out paths (never overwriting an input), refused rows named with
 * their sheet, Japanese messages for unknown options and unreadable files.
 */
import Encoding from "encoding-japanese";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Papa from "papaparse";
import { run } from "./support/run-cli";
import { addSheet, removeSheet, setCell, xlsxBytes } from "../domain/review/submitted-files";
import { SAMPLE_FORM, SAMPLE_MASTERS } from "../support/samples";

const decodeCp932 = (bytes: Uint8Array) => Encoding.convert(Array.from(bytes), { to: "UNICODE", from: "SJIS", type: "string" }) as string;
const parse = (text: string) => Papa.parse<string[]>(text, { newline: "\r\n", skipEmptyLines: true }).data;
const MASTER_SHEETS = ["保健所マスタ", "医療機関マスタ（全数）", "医療機関マスタ（定点）"];

let dir: string;
let bare: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "nesid-export-safety-"));
  bare = path.join(dir, "bare.xlsx");
  writeFileSync(bare, await xlsxBytes(...MASTER_SHEETS.map(removeSheet)));
});

afterAll(() => {
  chmodSync(dir, 0o700);
  rmSync(dir, { recursive: true, force: true });
});

describe("export with no master loaded", () => {
  it("refuses (exit 1), names the reason and the missing masters, and writes nothing", async () => {
    const out = path.join(dir, "nomasters.csv");
    const r = await run(["export", bare, "--out", out]);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(r.out).toContain("登録用CSVを出力しませんでした: マスタが読み込まれていないため");
    expect(r.out).toContain("保健所マスタが読み込まれていないため、保健所コード（K列）と中核市コード（I列）");
    expect(r.out).toContain("医療機関マスタ（全数）が読み込まれていないため");
    expect(r.out).toContain("--no-masters");
  });

  it("--no-masters writes the file and lists the unchecked columns", async () => {
    const out = path.join(dir, "unchecked.csv");
    const r = await run(["export", bare, "--out", out, "--no-masters"]);
    expect(r.code).toBe(1); // rows with errors are still refused
    // row 17's K=99999 cannot be verified without the master: it is written, and the report says K was not checked
    const records = parse(decodeCp932(readFileSync(out)));
    expect(records.map((l) => l[0])).toContain("佐々木　翔");
    expect(r.out).toContain("※ 次の列はマスタと照合せずに出力しました: K列、I列、AJ列");
  });

  it("with the masters given, it writes as usual and says nothing about unchecked columns", async () => {
    const out = path.join(dir, "checked.csv");
    const r = await run(["export", bare, "--masters", SAMPLE_MASTERS, "--out", out]);
    expect(r.out).toContain("9 行を出力しました");
    expect(r.out).not.toContain("照合せずに");
  });
});

describe("grey columns (入力不要) in the export", () => {
  it("are written as empty fields, and each left-out value is listed", async () => {
    const form = path.join(dir, "grey.xlsx");
    writeFileSync(form, await xlsxBytes(setCell("F4", "備考あり"), setCell("AK5", "12345")));
    const out = path.join(dir, "grey.csv");
    const r = await run(["export", form, "--out", out]);
    const text = decodeCp932(readFileSync(out));
    expect(text).not.toContain("備考あり");
    expect(text).not.toContain("12345");
    expect(parse(text)[1][4]).toBe("");
    expect(r.out).toContain("入力不要の列の値は出力しませんでした（空欄で出力）: 2 件");
    expect(r.out).toContain(`${form}（シート「申請様式」） 4行目 F列「備考あり」`);
    expect(r.out).toContain(`${form}（シート「申請様式」） 5行目 AK列「12345」`);
  });
});

describe("--out", () => {
  it("a folder: a Japanese message, exit 2, no stack trace", async () => {
    const r = await run(["export", SAMPLE_FORM, "--out", dir]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("はフォルダです。出力するファイル名まで指定してください");
    expect(r.err).not.toMatch(/\bat \S+ \(|EISDIR/);
  });

  it("in a missing folder: exit 2, names the folder", async () => {
    const r = await run(["export", SAMPLE_FORM, "--out", path.join(dir, "no-such-folder", "reg.csv")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("がありません。先にフォルダを作成するか");
    expect(r.err).not.toContain("ENOENT");
  });

  (process.platform === "win32" ? it.skip : it)("an unwritable file: exit 2, a Japanese reason, no raw code", async () => {
    // As root a read-only mode does not stop a write: a /proc file refuses it instead.
    const root = process.getuid?.() === 0;
    let target = "/proc/version";
    if (!root) {
      const locked = path.join(dir, "locked");
      mkdirSync(locked);
      target = path.join(locked, "reg.csv");
      writeFileSync(target, "old");
      chmodSync(target, 0o400);
    }
    const r = await run(["export", SAMPLE_FORM, "--out", target]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("に書き込めませんでした: ");
    if (!root) {
      expect(r.err).toContain("アクセスが許可されていません");
      expect(readFileSync(target, "utf8")).toBe("old");
    }
    expect(r.err).not.toMatch(/EACCES|EPERM|EIO|\bat \S+ \(/);
  });

  it("equal to an input file (the submitted workbook, a master file, a link to it): refused, the input untouched", async () => {
    const form = path.join(dir, "submitted.xlsx");
    writeFileSync(form, readFileSync(SAMPLE_FORM));
    const before = readFileSync(form);
    for (const out of [form, path.join(dir, ".", "submitted.xlsx")]) {
      const r = await run(["export", form, "--out", out]);
      expect(r.code).toBe(2);
      expect(r.err).toContain("は入力ファイル");
      expect(r.err).toContain("入力ファイルを上書きしないよう");
    }
    const masters = path.join(dir, "masters-copy.xlsx");
    writeFileSync(masters, readFileSync(SAMPLE_MASTERS));
    expect((await run(["export", bare, "--masters", masters, "--out", masters])).code).toBe(2);
    if (process.platform !== "win32") {
      const link = path.join(dir, "link.csv");
      symlinkSync(form, link);
      const r = await run(["export", form, "--out", link]);
      expect(r.code).toBe(2);
    }
    expect(readFileSync(form).equals(before)).toBe(true);
    expect(statSync(masters).size).toBe(readFileSync(SAMPLE_MASTERS).length);
  });
});

describe("messages a clerk can act on", () => {
  it("a refused row of a workbook with two form sheets names its sheet", async () => {
    const sample = (await import("exceljs")).default;
    const wb = new sample.Workbook();
    await wb.xlsx.readFile(SAMPLE_FORM);
    const header = [2, 3].map((r) => (wb.getWorksheet("申請様式")!.getRow(r).values as unknown[]).slice(1) as (string | number)[]);
    const form = path.join(dir, "two-sheets.xlsx");
    writeFileSync(
      form,
      await xlsxBytes(addSheet("申請様式（追加）", [["追加分"], ...header, [1, "森　直樹", "03-5555-2000", "mori@example-hosp.jp", "09"]])),
    );
    const r = await run(["export", form, "--out", path.join(dir, "two.csv")]);
    expect(r.out).toContain(`${form}（シート「申請様式」） 14行目`);
    expect(r.out).toContain(`${form}（シート「申請様式（追加）」） 4行目`);
  });

  it("an unknown option is explained in Japanese", async () => {
    const r = await run(["export", SAMPLE_FORM, "--outt", "x.csv"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("不明なオプション「--outt」です");
    expect(r.err).not.toContain("Unknown option");
    const missing = await run(["export", SAMPLE_FORM, "--out"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("オプション「--out」の値の指定が正しくありません");
    expect(missing.err).not.toContain("argument missing");
  });

  it("a missing file is explained without raw codes like ENOENT", async () => {
    for (const args of [["check", path.join(dir, "nope.xlsx")], ["check", SAMPLE_FORM, "--masters", path.join(dir, "nope.csv")], ["check", SAMPLE_FORM, "--profile", path.join(dir, "nope.json")]]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.err).toContain("ファイルまたはフォルダが見つかりません。名前と場所（パス）を確認してください。");
      expect(r.err).not.toContain("ENOENT");
    }
  });
});
