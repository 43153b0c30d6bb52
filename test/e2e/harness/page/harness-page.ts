// The demo/test page: the stand-in workbook as a grid on the left, the built task pane in an iframe on the right.
// URL parameters: ?excelApi=1.8 (emulate Office 2019), &platform=PC (no payload limit), &rows=10000 (a generated
// form instead of the sample).
import { generateForm } from "../../../support/stand-in/model/generate-form";
import type { HostOptions } from "../../../support/stand-in/model/host-options";
import type { WorkbookJson } from "../../../support/stand-in/model/workbook-json";
import { WorkbookModel } from "../../../support/stand-in/model/workbook-model";
import { createHarnessApi, type HarnessApi } from "./harness-api";
import { GridView } from "./grid-view";

declare global {
  interface Window {
    harness: HarnessApi;
    harnessReady: Promise<HarnessApi>;
    __standInHost: { model: WorkbookModel };
  }
}

interface HarnessConfig {
  excelApi?: string;
}

async function start(): Promise<HarnessApi> {
  const params = new URLSearchParams(location.search);
  const config: HarnessConfig = await fetch("harness-config.json").then((r) => (r.ok ? r.json() : {}), () => ({}));
  const initial: WorkbookJson = await fetch("workbook.json").then((r) => {
    if (!r.ok) throw new Error(`workbook.json: HTTP ${r.status}`);
    return r.json();
  });
  const excelApi = params.get("excelApi") ?? config.excelApi ?? "1.17";
  if (!/^1\.\d{1,2}$/.test(excelApi)) throw new Error(`excelApi は 1.x の形で指定してください / excelApi must look like 1.x: ${excelApi}`);
  const platform = (params.get("platform") as HostOptions["platform"] | null) ?? "OfficeOnline";
  const options: Partial<HostOptions> = { excelApi, platform, payloadLimit: platform === "OfficeOnline" ? 5 * 1024 * 1024 : null };
  const rows = Number(params.get("rows") ?? 0);
  const model = new WorkbookModel(rows > 0 ? generateForm(initial, { rows }) : initial, options);
  window.__standInHost = { model };

  new GridView(document.getElementById("grid")!, model);
  document.getElementById("api")!.textContent = `ExcelApi ${excelApi}（${platform}）`;

  const frame = document.getElementById("pane") as HTMLIFrameElement;
  const api = createHarnessApi(model, initial, frame);
  window.harness = api;
  wireToolbar(api);
  frame.src = "taskpane.html";
  return api;
}

function wireToolbar(api: HarnessApi): void {
  const on = (id: string, f: () => void) => document.getElementById(id)!.addEventListener("click", () => {
    try {
      f();
    } catch (e) {
      alert((e as Error).message);
    }
  });
  const current = () => api.selection();
  const row = () => Number(/\d+/.exec(current().address)![0]);
  on("insert-row", () => api.insertRows(current().sheet, row()));
  on("delete-row", () => api.deleteRows(current().sheet, row()));
  on("rename-sheet", () => {
    const name = prompt("新しいシート名 / New sheet name", current().sheet);
    if (name) api.renameSheet(current().sheet, name);
  });
  on("load-large", () => {
    api.loadGeneratedForm(10000);
    void api.reloadPane();
  });
  on("load-sample", () => {
    api.loadSample();
    void api.reloadPane();
  });
}

window.harnessReady = start();
window.harnessReady.catch((e) => {
  document.getElementById("grid")!.textContent = `起動できませんでした / failed to start: ${(e as Error).message}`;
  console.error(e);
});
