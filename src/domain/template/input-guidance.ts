import type { FieldKey, FormProfile } from "../profile/schema";

/** What an input cell's message says (Excel shows it when the cell is selected): a title ≤ 32 and a text ≤ 255 characters. */
export interface InputGuidance {
  title: string;
  prompt: string;
}

/** The meanings of the download flag codes as the form explains them. */
const DOWNLOAD_FLAG_MEANING: Record<string, string> = { "0": "ダウンロードしない", "1": "ダウンロードする" };

/**
 * The Japanese input message of each input column of a distributable form: what to write, the format, and when it
 * may be blank. Code lists come from the profile, so a profile with other codes explains its own.
 */
export function inputGuidance(profile: FormProfile, options: { healthCenterList: boolean; nameColumn?: string }): Record<FieldKey, InputGuidance> {
  const f = profile.fields;
  const need = (key: FieldKey) => (profile.required.includes(key) ? "必須。" : "");
  const orgTypes = profile.orgTypes.map((t) => `${t.code}＝${t.label}`).join("、");
  const flags = profile.downloadFlags.map((c) => `${c}${DOWNLOAD_FLAG_MEANING[c] ? `＝${DOWNLOAD_FLAG_MEANING[c]}` : ""}`).join("、");
  const methods = profile.tfaMethods.map((m) => `${m.code}＝${m.label}`).join("、");
  const mailMethods = profile.tfaMethods.filter((m) => m.needs === "tfaEmail").map((m) => m.code).join("・");
  const phoneMethods = profile.tfaMethods.filter((m) => m.needs === "tfaPhone").map((m) => m.code).join("・");
  const mobile = profile.tfaMethods.filter((m) => m.mobileOnly).map((m) => `${m.code}（${m.label}）`).join("・");
  return {
    name: {
      title: f.name.label,
      prompt: `アカウントを使う本人の氏名（例：佐藤　太郎）。1人1行で、受付・医局などの共用名は使えません。①・㈱・髙などの環境依存文字とセル内の改行は使えません。${need("name")}`,
    },
    phone: {
      title: f.phone.label,
      prompt: `日中に連絡のつく電話番号を市外局番から半角数字とハイフンで（例：03-1234-5678）。数字は10桁か11桁です。${need("phone")}`,
    },
    email: {
      title: f.email.label,
      prompt: `本人のメールアドレスを半角英数字で（例：sato@example.jp）。初期パスワードの送付先です。全角文字は使えません。${need("email")}`,
    },
    orgType: { title: f.orgType.label, prompt: `一覧から選んでください：${orgTypes}。${need("orgType")}` },
    cityCode: options.healthCenterList
      ? { title: f.cityCode.label, prompt: `${f.healthCenterCode.column}列（${f.healthCenterCode.label}）を選ぶと自動で表示されます（数式）。入力・上書きは不要です。` }
      : { title: f.cityCode.label, prompt: `申請先の自治体から案内された中核市コードを半角数字で。${need("cityCode")}` },
    healthCenterCode: options.healthCenterList
      ? {
          title: f.healthCenterCode.label,
          prompt: `一覧から管轄の保健所のコードを選んでください。選んだ保健所の名前が${options.nameColumn ?? ""}列に表示されます（一覧はシート「保健所一覧」）。${need("healthCenterCode")}`,
        }
      : { title: f.healthCenterCode.label, prompt: `管轄の保健所の保健所コードを半角数字で（先頭の0も入力）。${need("healthCenterCode")}` },
    downloadFlag: { title: f.downloadFlag.label, prompt: `一覧から選んでください：${flags}。${need("downloadFlag")}` },
    institutionCode: {
      title: f.institutionCode.label,
      prompt: `所属する医療機関・動物診療施設のコードを半角で（先頭の0も入力）。まだコードがない（マスタに未登録の）機関は空欄にしてください。`,
    },
    tfaPhone: {
      title: f.tfaPhone.label,
      prompt: `${f.tfaMethod.column}列が${phoneMethods}のとき必須（それ以外は空欄）。本人専用の番号を半角数字とハイフンで。${mobile ? `${mobile}は携帯電話（${profile.mobilePrefixes.join("・")}）の番号です。` : ""}`,
    },
    tfaEmail: {
      title: f.tfaEmail.label,
      prompt: `${f.tfaMethod.column}列が${mailMethods}のとき必須（それ以外は空欄）。本人専用のメールアドレスを半角英数字で。`,
    },
    tfaMethod: {
      title: f.tfaMethod.label,
      prompt: `一覧から選んでください：${methods}。${mailMethods}は${f.tfaEmail.column}列、${phoneMethods}は${f.tfaPhone.column}列の入力が必要です。${need("tfaMethod")}`,
    },
  };
}
