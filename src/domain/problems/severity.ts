export type Severity = "error" | "warning" | "info";

/** How a severity is named to the user, everywhere (pane, review, reports, CLI). */
export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { error: "エラー", warning: "警告", info: "情報" };

/** Errors first, then warnings, then information. */
export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };
