// The layering (cli / taskpane → excel → domain) is enforced by `npm run lint`: each planted violation below,
// linted as if it were a file in that folder, must fail with the layering rule; the allowed imports must not.
import path from "node:path";
import { ESLint } from "eslint";

const ROOT = path.join(__dirname, "../..");
// The project's own config, required directly (ESLint's loader would import() it, which jest's VM does not allow).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: require("../../eslint.config.js") });

async function layeringErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result.messages.filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-globals").map((m) => `${m.ruleId}: ${m.message}`);
}

const cases: [string, string, string, RegExp][] = [
  ["domain imports the Excel layer", "src/domain/planted.ts", 'import { createExcelGateway } from "../excel/gateway";\nexport const g = createExcelGateway;\n', /no-restricted-imports: .*excel/],
  ["domain imports the pane", "src/domain/rules/planted.ts", 'import { App } from "../../taskpane/App";\nexport const a = App;\n', /no-restricted-imports/],
  ["domain imports the CLI", "src/domain/planted.ts", 'import { main } from "../cli/main";\nexport const m = main;\n', /no-restricted-imports/],
  ["domain imports a Node module", "src/domain/planted.ts", 'import { readFileSync } from "node:fs";\nexport const r = readFileSync;\n', /no-restricted-imports: .*Node/],
  ["domain uses the DOM", "src/domain/planted.ts", "export const title = () => document.title;\n", /no-restricted-globals: .*DOM/],
  ["domain calls Office.js", "src/domain/planted.ts", "export const run = () => Excel.run(async () => undefined);\n", /no-restricted-globals: .*src\/excel/],
  ["the Excel layer imports the pane", "src/excel/planted.ts", 'import { App } from "../taskpane/App";\nexport const a = App;\n', /no-restricted-imports/],
  ["the Excel layer imports the CLI", "src/excel/planted.ts", 'import { main } from "../cli/main";\nexport const m = main;\n', /no-restricted-imports/],
  ["the pane calls Office.js directly", "src/taskpane/planted.ts", "export const ready = () => Office.onReady();\n", /no-restricted-globals: .*src\/excel/],
  ["the pane calls Excel.run directly", "src/taskpane/components/Planted.tsx", "export const run = () => Excel.run(async () => undefined);\n", /no-restricted-globals/],
  ["the CLI calls Office.js", "src/cli/planted.ts", "export const ready = () => Office.onReady();\n", /no-restricted-globals/],
  ["the CLI imports the Excel layer", "src/cli/planted.ts", 'import { createExcelGateway } from "../excel/gateway";\nexport const g = createExcelGateway;\n', /no-restricted-imports/],
];

test.each(cases)("%s: lint fails", async (_name, file, code, expected) => {
  const errors = await layeringErrors(file, code);
  expect(errors.length).toBeGreaterThan(0);
  expect(errors.join("\n")).toMatch(expected);
});

test("the allowed directions pass (and `npm run lint` runs the same rules over src/): pane → excel → domain, CLI → domain, exceljs in the domain", async () => {
  expect(await layeringErrors("src/taskpane/planted.ts", 'import { createExcelGateway } from "../excel/gateway";\nimport { DEFAULT_PROFILE } from "../domain";\nexport const x = [createExcelGateway, DEFAULT_PROFILE];\n')).toEqual([]);
  expect(await layeringErrors("src/excel/planted.ts", 'import { DEFAULT_PROFILE } from "../domain";\nexport const run = () => Excel.run(async () => DEFAULT_PROFILE);\n')).toEqual([]);
  expect(await layeringErrors("src/cli/planted.ts", 'import { readFileSync } from "node:fs";\nimport { DEFAULT_PROFILE } from "../domain";\nexport const x = [readFileSync, DEFAULT_PROFILE];\n')).toEqual([]);
  expect(await layeringErrors("src/domain/planted.ts", 'import type ExcelJS from "exceljs";\nexport type W = ExcelJS.Workbook;\n')).toEqual([]);
});

test('a MessageBar in the pane without layout="multiline" fails lint (the default wraps too late and scrolls a 320 px pane sideways)', async () => {
  const lint = async (code: string) => {
    const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, "src/taskpane/components/Planted.tsx") });
    return result.messages.filter((m) => m.ruleId === "no-restricted-syntax").map((m) => m.message);
  };
  const head = 'import { MessageBar } from "@fluentui/react-components";\n';
  expect(await lint(`${head}export const Bar = () => <MessageBar intent="info">x</MessageBar>;\n`)).toEqual([expect.stringContaining('layout="multiline"')]);
  expect(await lint(`${head}export const Bar = () => <MessageBar layout="multiline" intent="info">x</MessageBar>;\n`)).toEqual([]);
});
