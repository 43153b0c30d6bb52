import { checkNotices, createCheckContext, DEFAULT_PROFILE, FormChecker, registrationCsv, type MasterSet } from "../../src/domain";
import { generateForm } from "../support/generate-form-rows";
import { generateMasters, masterSetOf, type GeneratedMasters } from "../support/generate-masters";

/** The benchmark's inputs must be what they claim: the engine finds exactly the planted problems, nothing else. */

let masters: GeneratedMasters;
let set: MasterSet;

beforeAll(() => {
  masters = generateMasters({ seed: 7 });
  set = masterSetOf(masters);
});

function fullCheck(rows: ReturnType<typeof generateForm>["rows"]) {
  const checker = new FormChecker(createCheckContext(DEFAULT_PROFILE, set), 3);
  checker.reset(rows);
  return checker;
}

describe("generated masters", () => {
  it("have the spec's layout and sizes, unique codes, and are deterministic", () => {
    expect(masters.healthCenter).toHaveLength(471);
    expect(masters.zensu).toHaveLength(3001);
    expect(masters.teiten).toHaveLength(301);
    expect(masters.healthCenter[0][1]).toBe("保健所コード");
    expect(masters.healthCenter[0][6]).toBe("中核市コード");
    expect(masters.zensu[0][0]).toBe("医療機関コード");
    expect(masters.teiten[0][0]).toBe("医療機関コードhos_cd");
    expect(set.healthCenter!.size).toBe(470);
    expect(set.zensu!.size).toBe(3000);
    expect(set.teiten!.size).toBe(300);
    for (const m of Object.values(set)) expect(m!.duplicates).toEqual([]);
    expect(set.zensu!.codes.every((c) => /^\d{10}$/.test(c))).toBe(true);
    expect(set.teiten!.codes.every((c) => /^\d{8}$/.test(c))).toBe(true);
    const small = generateMasters({ seed: 7, zensuRows: 50, teitenRows: 5 });
    expect(small).toEqual(generateMasters({ seed: 7, zensuRows: 50, teitenRows: 5 }));
    expect(small.zensu).toEqual(masters.zensu.slice(0, 51));
    expect(generateMasters({ seed: 8, zensuRows: 50, teitenRows: 5 }).zensu).not.toEqual(small.zensu);
  });

  it("every institution's 保健所 is in the 保健所マスタ; names are searchable by kana", () => {
    for (const r of masters.zensu.slice(1)) expect(set.healthCenter!.has(String(r[6]))).toBe(true);
    const sample = set.zensu!.get(set.zensu!.codes[17])!;
    expect(set.zensu!.search(sample.kana!.normalize("NFKC")).map((r) => r.code)).toContain(sample.code);
  });
});

describe("generated forms", () => {
  it.each([1, 2])("seed %i: 1,500 rows, the engine reports exactly the planted problems", (seed) => {
    const form = generateForm(1500, masters, { seed });
    expect(form.rows).toHaveLength(1500);
    expect(form.values).toHaveLength(1503);
    expect(form.values[2][1]).toBe("利用者名");
    const result = fullCheck(form.rows).result();
    const found = result.findings.map((f) => `${f.place.row} ${f.place.column} ${f.code}`);
    expect(found).toEqual(form.planted.map((p) => `${p.row} ${p.column} ${p.code}`));
    // mostly complete, with a realistic share of problems
    expect(result.summary.complete / result.summary.rows).toBeGreaterThan(0.9);
    const kinds = new Set(form.planted.map((p) => p.code));
    expect(kinds.size).toBeGreaterThanOrEqual(15);
  });

  it("is deterministic per seed", () => {
    expect(generateForm(300, masters, { seed: 5 })).toEqual(generateForm(300, masters, { seed: 5 }));
    expect(generateForm(300, masters, { seed: 5 }).values).not.toEqual(generateForm(300, masters, { seed: 6 }).values);
  });

  it("problemRate 0 gives only the 11 (blank AJ) warnings; a higher rate gives more problems", () => {
    const clean = generateForm(800, masters, { seed: 4, problemRate: 0 });
    expect(new Set(clean.planted.map((p) => p.code))).toEqual(new Set(["institution.blank"]));
    expect(fullCheck(clean.rows).result().summary.errors).toBe(0);
    const bad = generateForm(800, masters, { seed: 4, problemRate: 0.3 });
    expect(bad.planted.length).toBeGreaterThan(clean.planted.length + 150);
    expect(fullCheck(bad.rows).result().findings.map((f) => `${f.place.row}${f.place.column}${f.code}`)).toEqual(bad.planted.map((p) => `${p.row}${p.column}${p.code}`));
  });

  it("checked in chunks (as the pane reads a large sheet) it gives the full check's result", () => {
    const form = generateForm(1200, masters, { seed: 9 });
    const chunked = new FormChecker(createCheckContext(DEFAULT_PROFILE, set), 3);
    for (let i = 0; i < form.rows.length; i += 250) chunked.update(form.rows.slice(i, i + 250));
    expect(chunked.result()).toEqual(fullCheck(form.rows).result());
  });

  it("exports every complete 09 row and refuses the rest with reasons", () => {
    const form = generateForm(1000, masters, { seed: 11 });
    const checker = fullCheck(form.rows);
    expect(checkNotices(checker, DEFAULT_PROFILE, set)).toEqual([]);
    const rows = checker.result().rows.map(({ row }) => ({ source: "gen", row, cells: checker.rowInput(row)?.cells ?? [], result: checker.rowResult(row), findings: checker.rowFindings(row) }));
    const csv = registrationCsv(rows, DEFAULT_PROFILE);
    const errorRows = new Set(form.planted.filter((p) => !["institution.blank", "orgType.normalized", "phone.normalized", "code.zero-padded", "name.halfwidth-kana", "name.generic", "tfa.shared", "grey.has-value"].includes(p.code)).map((p) => p.row));
    const notExported = new Set(form.planted.filter((p) => ["institution.blank"].includes(p.code)).map((p) => p.row));
    expect(csv.refused.map((r) => r.row).sort((a, b) => a - b)).toEqual([...new Set([...errorRows, ...notExported])].sort((a, b) => a - b));
    expect(csv.written.length + csv.refused.length).toBe(1000);
  });
});
