import ExcelJS from "exceljs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { run } from "./support/run-cli";
import { SAMPLE_FORM } from "../support/samples";

let dir: string;
let resubmitted: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "nesid-diff-"));
  // the institution's second version: row 5 deleted (rows below move up), the full-width mail fixed, the gap removed
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE_FORM);
  const ws = wb.getWorksheet("申請様式")!;
  ws.getCell("D15").value = "tanaka@example-hosp.jp";
  ws.spliceRows(16, 1);
  ws.spliceRows(5, 1);
  resubmitted = path.join(dir, "再提出.xlsx");
  await wb.xlsx.writeFile(resubmitted);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("nesid-account diff", () => {
  it("reports removed rows, changed cells and resolved findings, matched by person (not row number), in Japanese", async () => {
    const r = await run(["diff", SAMPLE_FORM, resubmitted]);
    expect(r.code).toBe(1); // rows 14 and 17 still have errors
    expect(r.out).toContain("追加 0行・削除 1行・変更 1行");
    expect(r.out).toContain("【削除された行】");
    expect(r.out).toMatch(/・15行目 → 14行目（.+）［未完了 → 完了］/);
    expect(r.out).toContain("D列 連絡先メールアドレス:");
    expect(r.out).toContain("解消: エラー D15:");
    expect(r.out).toContain("空行: 前回 16行目 → 今回 なし");
  });

  it("--json gives the diff as data", async () => {
    const r = await run(["diff", SAMPLE_FORM, resubmitted, "--json"]);
    const d = JSON.parse(r.out);
    expect(d.old).toMatchObject({ path: SAMPLE_FORM, sheet: "申請様式" });
    expect(d.removed.map((x: { row: number }) => x.row)).toEqual([5]);
    expect(d.added).toEqual([]);
    const fixed = d.matched.find((m: { oldRow: number }) => m.oldRow === 15);
    expect(fixed).toMatchObject({ newRow: 14, basis: "person" });
    expect(fixed.changes).toEqual([{ column: "D", label: "連絡先メールアドレス", old: expect.any(String), new: "tanaka@example-hosp.jp" }]);
    expect(d.summary).toMatchObject({ removed: 1, changed: 1, resolved: 1 });
  });

  it("says when nothing changed; exits 2 for a wrong number of files", async () => {
    const same = await run(["diff", SAMPLE_FORM, SAMPLE_FORM]);
    expect(same.out).toContain("前回から内容の変更はありません。");
    expect((await run(["diff", SAMPLE_FORM])).code).toBe(2);
  });
});
