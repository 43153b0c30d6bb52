// Import cycles, `npm run lint`: no module of src/ may reach itself again through its imports, type-only imports
// included (tsPreCompilationDeps), so a type that needs a module above it is a design problem, not a hidden one.
// test/lint/import-cycles.test.ts plants a cycle and expects this to fail.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Import cycle: move what both sides need into a module below them (type imports count too).",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"], extensions: [".ts", ".tsx", ".js", ".json"] },
    exclude: { path: "\\.d\\.ts$" },
  },
};
