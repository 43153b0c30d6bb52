// Served as office-js/office.js inside the demo's task pane: instead of Microsoft's office.js, the stand-in host,
// working on the workbook model of the page that frames the pane (window.parent.__standInHost).
import type { WorkbookModel } from "../../support/stand-in/model/workbook-model";
import { installStandIn } from "../../support/stand-in/office/install";

interface HostHandle {
  model: WorkbookModel;
}

const host = (() => {
  try {
    return (window.parent as unknown as { __standInHost?: HostHandle }).__standInHost;
  } catch {
    return undefined;
  }
})();

if (!host) {
  const message =
    "この作業ウィンドウはデモ用の Excel 代替ホスト（harness.html）の中でしか動きません。npm run demo で開いてください。 / " +
    "This build of the task pane runs only inside the stand-in Excel host page (harness.html): use npm run demo.";
  document.addEventListener("DOMContentLoaded", () => {
    document.body.insertAdjacentHTML("afterbegin", `<p role="alert" style="margin:16px">${message}</p>`);
  });
  throw new Error(message);
}

const { owner } = installStandIn(window as unknown as Record<string, unknown>, host.model);
// A reloaded or closed pane stops receiving events, as in Excel.
window.addEventListener("pagehide", () => host.model.unsubscribeOwner(owner));
