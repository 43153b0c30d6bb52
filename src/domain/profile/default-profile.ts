import type { FormProfile } from "./schema";

/** The spec's default: 別紙2「システム利用申請様式」 as in samples/application-form.xlsx. */
export const DEFAULT_PROFILE: FormProfile = {
  id: "besshi2-default",
  name: "別紙2 システム利用申請様式（医療機関等）",
  sheet: {
    preferredName: "申請様式",
    headerMarker: { column: "B", label: "利用者名" },
    headerSearchRows: 10,
    statusColumn: "A",
    firstColumn: "A",
    lastColumn: "AN",
  },
  fields: {
    name: { column: "B", label: "利用者名", item: 1 },
    phone: { column: "C", label: "連絡先電話番号", item: 2 },
    email: { column: "D", label: "連絡先メールアドレス", item: 3 },
    orgType: { column: "E", label: "所属機関分類コード", item: 4 },
    cityCode: { column: "I", label: "中核市コード", item: 5 },
    healthCenterCode: { column: "K", label: "保健所コード", item: 6 },
    downloadFlag: { column: "AG", label: "個票・CSVダウンロードフラグ", item: 7 },
    institutionCode: { column: "AJ", label: "所属医療機関/動物診療施設コード", item: 8 },
    tfaPhone: { column: "AL", label: "二要素認証用電話番号", item: 9 },
    tfaEmail: { column: "AM", label: "二要素認証用メールアドレス", item: 10 },
    tfaMethod: { column: "AN", label: "二要素認証手段コード", item: 11 },
  },
  required: ["name", "phone", "email", "orgType", "cityCode", "healthCenterCode", "downloadFlag", "tfaMethod"],
  greyColumns: [
    "F", "G", "H", "J",
    "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z",
    "AA", "AB", "AC", "AD", "AE", "AF", "AH", "AI", "AK",
  ],
  orgTypes: [
    {
      code: "09",
      label: "医療機関（全数）",
      master: "zensu",
      deferred: false,
      collect: ["医療機関名称（カナ含む）", "郵便番号・住所", "電話番号", "許可病床数", "保険医療機関コード", "非保険医療機関であるか"],
    },
    {
      code: "16",
      label: "医療機関管理者（定点）",
      master: "teiten",
      // 次期システムは2022-10-31に稼働済み: 16 is issued like any account today.
      deferred: false,
      appliedAt: "都道府県（定点医療機関の担当課）",
      collect: [
        "医療機関名称（カナ含む）",
        "住所",
        "電話番号",
        "病院・一般診療所区分",
        "（診療所の場合）主たる診療科目・診療科目に小児科を有するか",
        "許可病床数",
      ],
    },
    {
      code: "11",
      label: "動物診療施設",
      master: "animal",
      deferred: false,
      collect: ["動物診療施設名称（カナ含む）", "郵便番号・住所", "電話番号"],
    },
  ],
  downloadFlags: ["0", "1"],
  tfaMethods: [
    { code: "1", label: "メール", needs: "tfaEmail", mobileOnly: false },
    { code: "2", label: "SMS", needs: "tfaPhone", mobileOnly: true },
    { code: "3", label: "電話", needs: "tfaPhone", mobileOnly: false },
  ],
  mobilePrefixes: ["070", "080", "090"],
  genericNames: [
    "受付", "事務", "医局", "担当者", "担当", "共用", "共有", "テスト", "てすと", "ダミー", "管理者", "看護部", "総務",
    "代表", "窓口", "test", "admin", "guest", "user", "dummy",
  ],
  masters: {
    healthCenter: {
      label: "保健所マスタ",
      sheetNames: ["保健所マスタ"],
      headerRow: 1,
      columns: {
        code: { column: "B", headers: ["保健所コード"] },
        cityCode: { column: "G", headers: ["中核市コード"] },
        name: { column: "C", headers: ["保健所名", "保健所名称"] },
        // Optional: the official master has no reading column (then place-readings.ts gives readings of its names).
        kana: { headers: ["保健所名カナ", "保健所名かな", "保健所名よみ", "保健所名ふりがな", "保健所名フリガナ", "カナ", "かな", "よみ", "ふりがな", "フリガナ"] },
      },
    },
    zensu: {
      label: "医療機関マスタ（全数）",
      sheetNames: ["医療機関マスタ（全数）", "医療機関マスタ(全数)", "別紙3"],
      headerRow: 1,
      columns: {
        code: { column: "A", headers: ["医療機関コード"] },
        name: { column: "B", headers: ["医療機関名称", "医療機関名"] },
        kana: { column: "C", headers: ["医療機関名称カナ", "医療機関名カナ", "カナ"] },
        healthCenterCode: { column: "G", headers: ["保健所コード"] },
      },
    },
    teiten: {
      label: "医療機関マスタ（定点）",
      sheetNames: ["医療機関マスタ（定点）", "別紙4"],
      headerRow: 1,
      columns: {
        code: { column: "A", headers: ["医療機関コードhos_cd", "hos_cd"] },
        name: { column: "B", headers: ["医療機関名称", "医療機関名"] },
        kana: { column: "C", headers: ["医療機関名称カナ", "医療機関名カナ", "カナ"] },
        healthCenterCode: { column: "F", headers: ["保健所コード"] },
      },
    },
    animal: {
      label: "動物診療施設マスタ",
      sheetNames: ["動物診療施設マスタ"],
      headerRow: 1,
      columns: {
        code: { column: "A", headers: ["動物診療施設コード"] },
        name: { column: "B", headers: ["動物診療施設名称", "動物診療施設名", "施設名称"] },
        kana: { column: "C", headers: ["動物診療施設名称カナ", "施設名称カナ", "カナ"] },
        healthCenterCode: { column: "D", headers: ["保健所コード"] },
      },
    },
  },
  csv: {
    columns: [
      "B", "C", "D", "E", "F", "G", "H", "I", "J", "K",
      "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z",
      "AA", "AB", "AC", "AD", "AE", "AF", "AG", "AH", "AI", "AJ", "AK", "AL", "AM", "AN",
    ],
    header: true,
    encoding: "cp932",
    lineEnding: "\r\n",
  },
};
