// Exports of src/ that no other file of src/ imports: `npx tsx scripts/unused-exports.ts` (exit code 0; it lists).
//
// A name counts as used when some file of src/ other than the one declaring it imports it — directly, through a
// re-export (`export * from`, `export { x } from`: barrels such as src/domain/index.ts pass a name on but do not use
// it, so a name re-exported by the domain's index is used only if a non-barrel file imports it from there), by a
// namespace import, or by a dynamic import (`const { x } = await import(…)`, `import(…).then((m) => m.x)`, and
// React.lazy's `default`). Tests, scripts and bin/ do not count: an export only they use is listed too.
// Each name is marked "used in its module" (drop the `export`) or "unused" (dead code), and names of modules no src
// file imports at all (entry points: the pane, workers, the CLI's main) are listed apart.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const root = path.resolve(__dirname, "..");
const srcDir = path.join(root, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [p] : [];
  });
}

interface ModuleInfo {
  file: string;
  source: ts.SourceFile;
  /** Names declared here and exported (export function/const/type…, export { local }, export default). */
  local: Map<string, ts.Node>;
  /** `export { from as name } from "./m"`: name → origin. */
  named: Map<string, { module: string; name: string }>;
  /** `export * from "./m"`. */
  stars: string[];
}

function resolve(fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (candidate.startsWith(srcDir) && /\.tsx?$/.test(candidate) && modules.has(candidate)) return candidate;
  }
  return undefined;
}

const hasExport = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
const hasDefault = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);

const modules = new Map<string, ModuleInfo>();
for (const file of sourceFiles(srcDir)) {
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  modules.set(file, { file, source, local: new Map(), named: new Map(), stars: [] });
}

// What each module exports.
const pendingReexports: { info: ModuleInfo; statement: ts.ExportDeclaration }[] = [];
for (const info of modules.values()) {
  for (const statement of info.source.statements) {
    if (ts.isExportDeclaration(statement)) {
      if (statement.moduleSpecifier) pendingReexports.push({ info, statement });
      else if (statement.exportClause && ts.isNamedExports(statement.exportClause))
        for (const e of statement.exportClause.elements) info.local.set(e.name.text, e);
    } else if (ts.isExportAssignment(statement)) {
      info.local.set("default", statement);
    } else if (hasExport(statement)) {
      if (hasDefault(statement)) info.local.set("default", statement);
      else if (ts.isVariableStatement(statement)) {
        for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) info.local.set(d.name.text, d);
      } else {
        const name = (statement as ts.DeclarationStatement).name;
        if (name && ts.isIdentifier(name)) info.local.set(name.text, statement);
      }
    }
  }
}
for (const { info, statement } of pendingReexports) {
  const target = resolve(info.file, (statement.moduleSpecifier as ts.StringLiteral).text);
  if (!target) continue;
  if (!statement.exportClause) info.stars.push(target);
  else if (ts.isNamedExports(statement.exportClause))
    for (const e of statement.exportClause.elements) info.named.set(e.name.text, { module: target, name: (e.propertyName ?? e.name).text });
}

// Uses: (module, name) pairs reached from imports of other files.
const used = new Set<string>();
const key = (file: string, name: string) => `${file}\0${name}`;

/** Marks the origin of `name` as exported by `file` (following re-exports); true when found. */
function markUsed(file: string, name: string, seen = new Set<string>()): boolean {
  if (seen.has(file)) return false;
  seen.add(file);
  const info = modules.get(file)!;
  if (info.local.has(name)) {
    used.add(key(file, name));
    return true;
  }
  const named = info.named.get(name);
  if (named) return markUsed(named.module, named.name, seen);
  return info.stars.some((m) => markUsed(m, name, seen));
}

function allNames(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const info = modules.get(file)!;
  return [...info.local.keys(), ...info.named.keys(), ...info.stars.flatMap((m) => allNames(m, seen)).filter((n) => n !== "default")];
}

const importedModules = new Set<string>();

function markImported(fromFile: string, target: string | undefined, names: string[] | "all"): void {
  if (!target || target === fromFile) return;
  importedModules.add(target);
  for (const n of names === "all" ? allNames(target) : names) markUsed(target, n);
}

function dynamicImportNames(call: ts.CallExpression): string[] {
  let node: ts.Node = call;
  if (ts.isAwaitExpression(node.parent)) node = node.parent;
  if (ts.isVariableDeclaration(node.parent) && ts.isObjectBindingPattern(node.parent.name))
    return node.parent.name.elements.map((e) => ((e.propertyName ?? e.name) as ts.Identifier).text);
  const access = call.parent;
  if (ts.isPropertyAccessExpression(access) && access.name.text === "then" && ts.isCallExpression(access.parent)) {
    const fn = access.parent.arguments[0];
    if (fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && fn.parameters[0] && ts.isIdentifier(fn.parameters[0].name)) {
      const param = fn.parameters[0].name.text;
      const names: string[] = [];
      const visit = (n: ts.Node) => {
        if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === param) names.push(n.name.text);
        ts.forEachChild(n, visit);
      };
      visit(fn.body);
      return names;
    }
  }
  return ["default"]; // React.lazy(() => import("./X"))
}

for (const info of modules.values()) {
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const target = resolve(info.file, node.moduleSpecifier.text);
      const clause = node.importClause;
      const names: string[] = [];
      let all = false;
      if (clause?.name) names.push("default");
      if (clause?.namedBindings) {
        if (ts.isNamespaceImport(clause.namedBindings)) all = true;
        else for (const e of clause.namedBindings.elements) names.push((e.propertyName ?? e.name).text);
      }
      if (target) importedModules.add(target);
      markImported(info.file, target, all ? "all" : names);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      markImported(info.file, resolve(info.file, node.arguments[0].text), dynamicImportNames(node));
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      const target = resolve(info.file, node.argument.literal.text);
      markImported(info.file, target, node.qualifier && ts.isIdentifier(node.qualifier) ? [node.qualifier.text] : "all");
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      // A re-export passes names on; the module is reached, its names are not used by it.
      const target = resolve(info.file, node.moduleSpecifier.text);
      if (target) importedModules.add(target);
    }
    ts.forEachChild(node, visit);
  };
  visit(info.source);
}

/** Whether `name` is referred to in its own module outside its declaration (then only the `export` is surplus). */
function usedInModule(info: ModuleInfo, name: string, declaration: ts.Node): boolean {
  let found = false;
  const visit = (node: ts.Node) => {
    if (found) return;
    if (ts.isIdentifier(node) && node.text === name) {
      const parent = node.parent as ts.Node & { name?: ts.Node };
      const declaring = parent === declaration || (parent.name === node && (parent === declaration || parent.parent === declaration));
      if (!declaring && !ts.isExportSpecifier(parent)) found = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(info.source);
  return found;
}

const listed: string[] = [];
const entries: string[] = [];
for (const info of [...modules.values()].sort((a, b) => a.file.localeCompare(b.file))) {
  const relative = path.relative(root, info.file);
  for (const [name, declaration] of info.local) {
    if (used.has(key(info.file, name))) continue;
    const line = `${relative}: ${name} (${name === "default" || usedInModule(info, name, declaration) ? "used in its module" : "unused"})`;
    (importedModules.has(info.file) ? listed : entries).push(line);
  }
}

console.log(`Exports of src/ no other src file imports (${listed.length}):`);
for (const l of listed) console.log(`  ${l}`);
console.log(`\nExports of modules no src file imports — entry points (webpack, workers, the CLI's main) or test-only (${entries.length}):`);
for (const l of entries) console.log(`  ${l}`);
