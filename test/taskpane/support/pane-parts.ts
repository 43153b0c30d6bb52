// The form tab's parts, wired as PaneController wires them, for the tests of one controller at a time: the real
// session, checked form and controllers over a FakeGateway. `reactions` replaces what the watch does about a change
// (a test of the watch records them); by default they go to the real controllers, as in the pane.
import { DEFAULT_PROFILE, type Cell } from "../../../src/domain";
import type { HostCapabilities } from "../../../src/excel/gateway-types";
import { CheckedForm } from "../../../src/taskpane/state/checked-form";
import { FormController } from "../../../src/taskpane/state/form-controller";
import { MastersController, type MasterFileReader } from "../../../src/taskpane/state/masters-controller";
import { PaneSession } from "../../../src/taskpane/state/pane-session";
import type { PaneMessage } from "../../../src/taskpane/state/pane-state";
import { ViewController } from "../../../src/taskpane/state/view-controller";
import { WatchController, type SheetReactions } from "../../../src/taskpane/state/watch-controller";
import { FakeGateway, FULL_CAPABILITIES } from "./fake-gateway";

export const SHEET = "申請様式";

export interface PaneParts {
  gateway: FakeGateway;
  session: PaneSession;
  checked: CheckedForm;
  watch: WatchController;
  masters: MastersController;
  form: FormController;
  view: ViewController;
  /** Every queued Office task has finished. */
  idle(): Promise<void>;
}

export interface PartsOptions {
  caps?: HostCapabilities;
  readMasterFile?: MasterFileReader;
  reactions?: SheetReactions;
}

export function paneParts(sheets: { name: string; values: Cell[][] }[], options: PartsOptions = {}): PaneParts {
  const gateway = new FakeGateway(sheets, options.caps ?? FULL_CAPABILITIES);
  const session = new PaneSession(gateway, DEFAULT_PROFILE);
  const checked = new CheckedForm(session);
  const view = new ViewController(session, checked);
  const parts = { gateway, session, checked, view, idle: () => session.queue.idle() } as PaneParts;
  parts.watch = new WatchController(
    session,
    checked,
    options.reactions ?? {
      reopen: (sheet) => void parts.form.reload(sheet),
      restart: () => void parts.form.start(),
      deleted: (sheet) => void parts.form.deleted(sheet),
      masterChanged: (sheet) => void parts.masters.reloadSheet(sheet),
      selected: (address) => view.selectedInExcel(address),
    },
  );
  parts.masters = new MastersController(session, checked, parts.watch, options.readMasterFile);
  parts.form = new FormController(session, checked, parts.masters, parts.watch);
  return parts;
}

/** The parts with the form opened as the pane opens it when it starts. */
export async function openedParts(sheets: { name: string; values: Cell[][] }[], options: PartsOptions = {}): Promise<PaneParts> {
  const parts = paneParts(sheets, options);
  await parts.form.start();
  return parts;
}

/** The cells with a finding in the check the pane shows, in its order ("C14", …). */
export function findingCells(parts: PaneParts): string[] {
  return parts.session.state.check!.result.findings.map((f) => `${f.place.column}${f.place.row}`);
}

/** The finding the pane shows at a cell. */
export function findingAt(parts: PaneParts, cell: string) {
  const found = parts.session.state.check!.result.findings.find((f) => `${f.place.column}${f.place.row}` === cell);
  if (!found) throw new Error(`no finding at ${cell}`);
  return found;
}

export function messagesOf(parts: PaneParts): [PaneMessage["place"], PaneMessage["intent"], string][] {
  return parts.session.state.messages.map((m) => [m.place, m.intent, m.text]);
}

/** The Office calls made since `from` (an index into gateway.calls), by method. */
export function callsSince(parts: PaneParts, from: number): string[] {
  return parts.gateway.calls.slice(from).map((c) => c.method);
}
