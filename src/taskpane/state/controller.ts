import type { CellProblem, ProblemCode, FormProfile, MasterKind, MasterRecord } from "../../domain";
import type { ExcelGateway } from "../../excel/gateway-types";
import { CheckedForm } from "./checked-form";
import { FixController, type Edit } from "./fix-controller";
import type { SeverityFilter } from "./findings-view";
import { FormController } from "./form-controller";
import { HighlightController } from "./highlight-controller";
import { MastersController, type MasterFileReader, type PickerSearch } from "./masters-controller";
import { PaneSession } from "./pane-session";
import type { PaneState, PaneView } from "./pane-state";
import type { Store } from "./store";
import type { TaskQueue } from "./task-queue";
import { ViewController } from "./view-controller";
import { WatchController } from "./watch-controller";

export type { MasterFileReader } from "./masters-controller";

export interface PaneDeps {
  /** Reads a master file chosen in the pane (tests: the reader module itself, as Node cannot load webpack chunks). */
  readMasterFile?: MasterFileReader;
  /** The pane's one queue of Office calls: the review tab is given the same one. */
  queue?: TaskQueue;
  /** Milliseconds, for spacing progress updates. */
  now?: () => number;
}

/**
 * The form tab as the components see it: one object with every action, each handed to the part that owns it. They
 * share one session (store, messages, the queued Office tasks) and one checked form (the check shown and coloured).
 */
export class PaneController {
  private readonly session: PaneSession;
  private readonly checked: CheckedForm;
  private readonly form: FormController;
  private readonly masters: MastersController;
  private readonly fixes: FixController;
  private readonly watch: WatchController;
  private readonly highlights: HighlightController;
  private readonly view: ViewController;

  constructor(
    /** The form's Excel layer; the review tab reads submission and master sheets through it too. */
    readonly gateway: ExcelGateway,
    profile: FormProfile,
    deps: PaneDeps = {},
  ) {
    this.session = new PaneSession(gateway, profile, deps.queue, deps.now);
    this.checked = new CheckedForm(this.session);
    const { checked } = this;
    this.view = new ViewController(this.session, checked);
    // The watch reacts through the parts made after it (each queues its own task when an event arrives).
    this.watch = new WatchController(this.session, checked, {
      reopen: (sheet) => void this.form.reload(sheet),
      restart: () => void this.form.start(),
      deleted: (sheet) => void this.form.deleted(sheet),
      masterChanged: (sheet) => void this.masters.reloadSheet(sheet),
      selected: (address) => this.view.selectedInExcel(address),
    });
    this.masters = new MastersController(this.session, checked, this.watch, deps.readMasterFile);
    this.form = new FormController(this.session, checked, this.masters, this.watch);
    this.fixes = new FixController(this.session, checked);
    this.highlights = new HighlightController(this.session, checked);
  }

  get store(): Store<PaneState> {
    return this.session.store;
  }

  get queue(): TaskQueue {
    return this.session.queue;
  }

  /** Resolves when every queued Office operation has finished (tests, the harness). */
  idle = (): Promise<void> => this.session.queue.idle();

  dispose = (): Promise<void> => this.watch.dispose();

  // the form sheet
  start = (): Promise<void> => this.form.start();
  open = (sheet: string): Promise<void> => this.form.open(sheet);
  recheck = (): Promise<void> => this.form.recheck();

  // fixes
  applyFix = (target: CellProblem, near?: string): Promise<void> => this.fixes.applyFix(target, near);
  pendingFixes = (code: ProblemCode): Edit[] => this.fixes.pendingFixes(code);
  pendingFixPreview = (code: ProblemCode): (Edit & { before: string })[] => this.fixes.pendingFixPreview(code);
  applyFixes = (code: ProblemCode): Promise<void> => this.fixes.applyFixes(code);
  pickHealthCenter = (row: number, record: MasterRecord): Promise<void> => this.fixes.pickHealthCenter(row, record);
  pickInstitution = (row: number, record: MasterRecord, healthCenter?: MasterRecord): Promise<void> => this.fixes.pickInstitution(row, record, healthCenter);
  undoLastFix = (): Promise<void> => this.fixes.undoLastFix();
  /** What a cell of the form holds now, as text (for labels such as 「9」を「09」に直す). */
  cellText = (address: string): string => this.checked.cellText(address);

  // masters and the pickers' searches
  loadMasterFromSheet = (sheet: string, kind?: MasterKind): Promise<void> => this.masters.loadFromSheet(sheet, kind);
  prepareMasterFileReading = (): void => this.masters.prepareFileReading();
  loadMasterFromFile = (file: File): Promise<void> => this.masters.loadFromFile(file);
  saveMasterToWorkbook = (kind: MasterKind): Promise<void> => this.masters.saveToWorkbook(kind);
  searchHealthCenters = (query: string, options?: PickerSearch): MasterRecord[] => this.masters.searchHealthCenters(query, options);
  searchInstitutions = (kind: MasterKind, query: string, options?: PickerSearch): MasterRecord[] => this.masters.searchInstitutions(kind, query, options);
  healthCenterRecord = (code: string | undefined): MasterRecord | undefined => this.masters.healthCenterRecord(code);

  // highlights
  clearHighlights = (): Promise<void> => this.highlights.clear();
  showHighlights = (): Promise<void> => this.highlights.show();

  // what the user looks at
  select = (target: CellProblem | { row: number; column?: string }): Promise<void> => this.view.select(target);
  openRow = (row: number, column?: string): Promise<void> => this.view.openRow(row, column);
  rowDetailFocused = (): void => this.view.rowDetailFocused();
  setView = (view: PaneView): void => this.view.setView(view);
  setSeverity = (severity: SeverityFilter): void => this.view.setSeverity(severity);
  setPage = (page: number): void => this.view.setPage(page);
  showRow = (row: number): void => this.view.showRow(row);
  dismissFixNote = (): void => this.view.dismissFixNote();
  dismissMessage = (id: number): void => this.view.dismissMessage(id);
}
