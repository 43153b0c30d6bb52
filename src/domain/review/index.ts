// 作業②③ for municipal reviewers: submissions in, checked together, decided, exported, reported.
export * from "./combined-check";
export * from "./export-rows";
export * from "./submission";
export * from "./institution-label";
export * from "./import-submissions";
export * from "./review-record";
export * from "./review-check";
export * from "./review-export";
export * from "./export-masters";
export * from "./review-report";
export * from "./report-html";
export * from "./sendback-text";
export * from "./review-progress";
export * from "./xlsx-sheets";
