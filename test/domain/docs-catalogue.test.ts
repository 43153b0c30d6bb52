import { readFileSync } from "node:fs";
import path from "node:path";
import { CATALOGUE } from "../../src/domain";

const DOCS = path.join(__dirname, "..", "..", "docs");

describe("docs stay in step with the code", () => {
  it("docs/form-rules.md lists every code of the catalogue with its severity", () => {
    const text = readFileSync(path.join(DOCS, "form-rules.md"), "utf8");
    const entries: [string, string][] = Object.entries(CATALOGUE).map(([code, e]) => [code, e.severity]);
    for (const [code, severity] of entries) {
      const line = text.split("\n").find((l) => l.includes(`\`${code}\``) && l.trim().startsWith("|") && l.includes(`| ${severity} |`));
      expect({ code, documented: line !== undefined }).toEqual({ code, documented: true });
    }
  });

  it("docs/report.md documents every top-level and per-sheet field of the report", () => {
    const text = readFileSync(path.join(DOCS, "report.md"), "utf8");
    for (const field of ["format", "version", "valid", "view", "profile", "stats", "notices", "files", "path", "sheet", "headerRow", "rows", "findings", "byCode", "place"]) {
      expect({ field, documented: text.includes(`\`${field}\``) }).toEqual({ field, documented: true });
    }
  });
});
