import path from "node:path";

/** The sample workbooks bundled with the repository (copies of ../shared/samples). */
export const SAMPLES = path.join(__dirname, "..", "..", "samples");
export const SAMPLE_FORM = path.join(SAMPLES, "application-form.xlsx");
export const SAMPLE_MASTERS = path.join(SAMPLES, "masters.xlsx");
export const SAMPLE_ISSUED = path.join(SAMPLES, "issued-accounts.csv");
