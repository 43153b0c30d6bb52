import { DEFAULT_PROFILE, MasterIndex, buildMasterIndex } from "../../src/domain";
import { packMasterData, transferablesOf, unpackMasterData } from "../../src/taskpane/workers/packed-masters";
import { generateMasters } from "../support/generate-masters";

describe("a master index packed for the trip from the workbook worker to the pane", () => {
  const generated = generateMasters({ zensuRows: 45000, teitenRows: 10 });
  const original = buildMasterIndex("zensu", "generated:医療機関マスタ（全数）", generated.zensu, DEFAULT_PROFILE);

  it("comes back with the same codes, rows, names, search and repeated codes, in slices with pauses between them", async () => {
    const packed = structuredClone(packMasterData(original.toData()));
    let pauses = 0;
    const copy = MasterIndex.fromData(await unpackMasterData(packed, async () => void pauses++));
    expect(pauses).toBe(2); // 45,000 rows in slices of 20,000
    expect(copy.codes).toEqual(original.codes);
    expect(copy.rows).toEqual(original.rows);
    expect(copy.attributes).toEqual(original.attributes);
    for (const i of [0, 1, 19999, 20000, 44999]) expect(copy.get(original.codes[i])).toEqual(original.get(original.codes[i]));
    const name = original.attributes.name![30000];
    expect(copy.search(name)).toEqual(original.search(name));
    expect(copy.search("ｸﾘﾆｯｸ", 10)).toEqual(original.search("ｸﾘﾆｯｸ", 10));
    expect(copy.notices).toEqual(original.notices);
  });

  it("keeps values that are empty, contain the other values' text or any character", async () => {
    const sheet = [
      ["医療機関コード", "医療機関名称", "医療機関名称カナ"],
      ["0000000001", "", ""],
      ["0000000002", "a\u0000b\nc", "ｱ"],
      ["0000000003", "😀髙橋①", "ﾀｶﾊｼ"],
      ["0000000001", "重複", ""],
    ];
    const m = buildMasterIndex("zensu", "z", sheet, DEFAULT_PROFILE);
    const copy = MasterIndex.fromData(await unpackMasterData(packMasterData(m.toData()), async () => undefined));
    expect(copy.get("0000000004")).toBeUndefined();
    expect(["0000000001", "0000000002", "0000000003"].map((c) => copy.get(c))).toEqual(["0000000001", "0000000002", "0000000003"].map((c) => m.get(c)));
    expect(copy.all("0000000001")).toEqual(m.all("0000000001"));
    expect(copy.duplicates).toEqual(m.duplicates);
  });

  it("hands its row numbers and offsets over as buffers to transfer, not to copy", () => {
    const packed = packMasterData(original.toData());
    const buffers = transferablesOf(packed);
    expect(buffers).toContain(packed.rows.buffer);
    expect(buffers).toContain(packed.codes.ends.buffer);
    expect(buffers).toContain(packed.codeTable!.buffer);
    expect(buffers).toHaveLength(3 + 1 + Object.keys(packed.attributes).length);
    expect(new Set(buffers).size).toBe(buffers.length);
  });
});
