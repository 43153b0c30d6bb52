import "./support/jsdom-gaps";
import { DEFAULT_PROFILE } from "../../src/domain";
import { MasterFileError, readMasterFile } from "../../src/taskpane/masters/read-master-file";
import { readXlsxSheets, UnreadableWorkbookError } from "../../src/taskpane/masters/read-xlsx";
import { readSubmittedFile } from "../../src/taskpane/review/read-submitted-file";
import { miniXlsx } from "../support/minimal-xlsx";

// jsdom has no Worker: these run the main-thread fallback, the same reader the worker runs.
describe("the pane's file readers (main-thread fallback)", () => {
  const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

  it("reads a submitted .xlsx with the domain reader, sheet states included", async () => {
    const bytes = miniXlsx([
      { name: "申請様式", data: `<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>` },
      { name: "隠し", data: "", state: "veryHidden" },
    ]);
    const file = await readSubmittedFile("a.xlsx", bytes);
    expect(file.sheets.map((s) => [s.name, s.state])).toEqual([
      ["申請様式", "visible"],
      ["隠し", "veryHidden"],
    ]);
  });

  it("an encrypted workbook is a Japanese message naming the file, for a submitted file and for a master", async () => {
    const bytes = new Uint8Array(2048);
    bytes.set(OLE2);
    bytes.set([..."EncryptedPackage"].flatMap((c) => [c.charCodeAt(0), 0]), 1100);
    await expect(readXlsxSheets(bytes, "提出.xlsx")).rejects.toThrow(UnreadableWorkbookError);
    await expect(readSubmittedFile("提出.xlsx", bytes)).rejects.toThrow(/「提出.xlsx」.*パスワードを解除して保存し直してください/);
    const read = readMasterFile(new File([bytes], "マスタ.xlsx"), DEFAULT_PROFILE, () => undefined);
    await expect(read).rejects.toThrow(MasterFileError);
    await expect(readMasterFile(new File([bytes], "マスタ.xlsx"), DEFAULT_PROFILE, () => undefined)).rejects.toThrow(/「マスタ.xlsx」.*パスワード/);
  });

  it("a UTF-16 master (Excel's Unicode text, .txt) is read", async () => {
    const text = "保健所コード\t中核市コード\r\n01000\t012005\r\n";
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + 2 * i);
    const loaded = await readMasterFile(new File([bytes], "保健所マスタ.txt"), DEFAULT_PROFILE, () => undefined);
    expect(loaded.map((m) => [m.kind, m.index.codes])).toEqual([["healthCenter", ["01000"]]]);
  });
});
