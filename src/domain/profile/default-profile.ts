import type { FieldKey, FormProfile } from "./schema";

/**
 * Headings people write instead of the form's own (other channels, e-application exports, edited copies of the form).
 * Compared after NFKC without spaces, line breaks, ・/()「」-, ※ and 必須/任意, case-insensitively; 二要素 = 2要素.
 * A profile field without `headings` uses these.
 */
export const FIELD_HEADINGS: Record<FieldKey, readonly string[]> = {
  name: ["氏名", "利用者氏名", "名前", "利用者の氏名", "申請者氏名", "お名前", "氏名（漢字）"],
  phone: ["電話番号", "連絡先電話", "連絡先の電話番号", "電話", "TEL", "連絡先TEL"],
  email: ["メールアドレス", "メール", "E-mail", "Eメール", "E-mailアドレス", "連絡先メール", "連絡先のメールアドレス", "mail"],
  orgType: ["所属機関分類", "機関分類コード", "機関分類", "所属機関の分類コード"],
  cityCode: ["中核市", "中核市等コード"],
  healthCenterCode: ["保健所", "管轄保健所コード", "所管保健所コード", "管轄保健所"],
  downloadFlag: ["ダウンロードフラグ", "個票CSVダウンロードフラグ", "個票・CSVダウンロード", "CSVダウンロードフラグ", "DLフラグ"],
  institutionCode: ["医療機関コード", "所属医療機関コード", "医療機関/動物診療施設コード", "所属医療機関・動物診療施設コード", "動物診療施設コード", "施設コード"],
  tfaPhone: ["二要素認証電話番号", "二要素認証用の電話番号", "認証用電話番号"],
  tfaEmail: ["二要素認証メールアドレス", "二要素認証用のメールアドレス", "認証用メールアドレス"],
  tfaMethod: ["二要素認証手段", "二要素認証の手段", "認証手段コード", "二要素認証方法"],
};

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
    greyHeadings: ["（入力不要）"],
  },
  fields: {
    name: { column: "B", label: "利用者名", item: 1, headings: [...FIELD_HEADINGS.name] },
    phone: { column: "C", label: "連絡先電話番号", item: 2, headings: [...FIELD_HEADINGS.phone] },
    email: { column: "D", label: "連絡先メールアドレス", item: 3, headings: [...FIELD_HEADINGS.email] },
    orgType: { column: "E", label: "所属機関分類コード", item: 4, headings: [...FIELD_HEADINGS.orgType] },
    cityCode: { column: "I", label: "中核市コード", item: 5, headings: [...FIELD_HEADINGS.cityCode] },
    healthCenterCode: { column: "K", label: "保健所コード", item: 6, headings: [...FIELD_HEADINGS.healthCenterCode] },
    downloadFlag: { column: "AG", label: "個票・CSVダウンロードフラグ", item: 7, headings: [...FIELD_HEADINGS.downloadFlag] },
    institutionCode: { column: "AJ", label: "所属医療機関/動物診療施設コード", item: 8, headings: [...FIELD_HEADINGS.institutionCode] },
    tfaPhone: { column: "AL", label: "二要素認証用電話番号", item: 9, headings: [...FIELD_HEADINGS.tfaPhone] },
    tfaEmail: { column: "AM", label: "二要素認証用メールアドレス", item: 10, headings: [...FIELD_HEADINGS.tfaEmail] },
    tfaMethod: { column: "AN", label: "二要素認証手段コード", item: 11, headings: [...FIELD_HEADINGS.tfaMethod] },
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
        prefecture: { headers: ["都道府県名", "都道府県"] },
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
        prefecture: { headers: ["都道府県名", "都道府県"] },
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
        prefecture: { headers: ["都道府県名", "都道府県"] },
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
        prefecture: { headers: ["都道府県名", "都道府県"] },
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
