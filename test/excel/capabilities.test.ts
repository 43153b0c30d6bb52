import { detectCapabilities, highestExcelApi } from "../../src/excel/capabilities";
import { requirementsUpTo } from "./support/office-mock";

describe("detectCapabilities", () => {
  test("Office 2019 (ExcelApi 1.8): change and selection events, no multi-area ranges, no triggerSource", () => {
    expect(detectCapabilities(requirementsUpTo("1.8"))).toEqual({
      excelApi: "1.8",
      changeEvents: true,
      selectionEvents: true,
      multiAreaRanges: false,
      triggerSource: false,
      insertWorksheets: false,
      nameChangedEvents: false,
      nullObjects: true,
    });
  });

  test("Office 2016 (ExcelApi 1.2..1.6): no events, so the pane shows 再チェック", () => {
    const caps = detectCapabilities(requirementsUpTo("1.6"));
    expect(caps).toMatchObject({ excelApi: "1.6", changeEvents: false, selectionEvents: false, multiAreaRanges: false });
  });

  test("Microsoft 365: everything the add-in can use", () => {
    const caps = detectCapabilities(requirementsUpTo("1.17"));
    expect(caps).toMatchObject({ excelApi: "1.17", changeEvents: true, multiAreaRanges: true, triggerSource: true, insertWorksheets: true, nameChangedEvents: true });
  });

  test("versions compare by number: 1.10 is above 1.9", () => {
    expect(highestExcelApi(requirementsUpTo("1.10"))).toBe("1.10");
    expect(detectCapabilities(requirementsUpTo("1.10")).multiAreaRanges).toBe(true);
    expect(detectCapabilities(requirementsUpTo("1.13")).triggerSource).toBe(false);
  });
});
