import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { DEFAULT_PROFILE } from "../../../src/domain";
import { createExcelGateway } from "../../../src/excel/gateway";
import { createReviewGateway } from "../../../src/excel/review-workbook";
import ReviewPane from "../../../src/taskpane/review/components/ReviewPane";
import { ReviewController } from "../../../src/taskpane/review/review-controller";
import { TaskQueue } from "../../../src/taskpane/state/task-queue";
import { eventSource, queueSource, settled } from "../../support/settle";
import { keepRows, otherInstitution, xlsxBytes } from "../../domain/review/submitted-files";
import { WorkbookModel } from "../../support/stand-in/model/workbook-model";
import { installStandIn } from "../../support/stand-in/office/install";

export interface RenderedReview {
  model: WorkbookModel;
  controller: ReviewController;
  /** File names the pane asked to download, in order. */
  downloads: string[];
  /** The downloaded files' bytes, in the same order. */
  downloaded: { fileName: string; bytes: Uint8Array }[];
  /** Resolves once the host's events and the review's queue of Office tasks are done, and React has caught up. */
  settle(): Promise<void>;
  /** Imports files as the file picker hands them over, and settles. */
  importFiles(files: readonly { name: string; bytes: Uint8Array }[]): Promise<void>;
}

/**
 * The review pane (作業②③④) rendered with the real ReviewController and Excel layer on the stand-in host (ExcelApi 1.17).
 * `model`: a workbook already reviewed (its record and sheets), to render the review reopened.
 */
export async function renderReview(model = new WorkbookModel({ sheets: [{ name: "Sheet1", values: [] }] }, { excelApi: "1.17" })): Promise<RenderedReview> {
  installStandIn(globalThis as unknown as Record<string, unknown>, model);
  const downloads: string[] = [];
  const downloaded: { fileName: string; bytes: Uint8Array }[] = [];
  const queue = new TaskQueue();
  const controller = new ReviewController({
    review: createReviewGateway(),
    queue,
    excel: createExcelGateway(),
    profile: DEFAULT_PROFILE,
    now: () => new Date(2025, 3, 1, 9, 30),
    downloads: () => "allowed",
    download: (bytes, fileName) => {
      downloads.push(fileName);
      downloaded.push({ fileName, bytes });
    },
    copy: async () => true,
  });
  render(
    <FluentProvider theme={webLightTheme}>
      <ReviewPane controller={controller} />
    </FluentProvider>,
  );
  const settle = () => act(() => settled([eventSource(model), queueSource(queue)]));
  await screen.findByRole("tab", { name: "① 受付・審査" });
  await settle();
  const importFiles = async (files: readonly { name: string; bytes: Uint8Array }[]) => {
    await act(() => controller.importFiles(files.map((f) => ({ name: f.name, bytes: async () => f.bytes }))));
    await settle();
  };
  return { model, controller, downloads, downloaded, settle, importFiles };
}

/** Opens a submission card's folded findings and every row of them (step ① shows them folded until asked for). */
export async function openAllFindings(id: string, settle: () => Promise<void>): Promise<void> {
  const card = document.querySelector(`[data-testid="submission"][data-id="${id}"]`) as HTMLElement;
  fireEvent.click(within(card).getByTestId("findings-header").querySelector("button")!);
  await settle();
  for (const row of within(card).getAllByTestId("finding-row")) fireEvent.click(row.querySelector("button")!);
  await settle();
}

export type PickedFile = { name: string; bytes: Uint8Array };

/** The two submitted files most review tests start from: the sample (山手10医院) and another institution's rows 4–7 (緑71診療所). */
export async function twoSubmittedFiles(): Promise<PickedFile[]> {
  return [
    { name: "山手10医院.xlsx", bytes: new Uint8Array(await xlsxBytes()) },
    { name: "緑71診療所.xlsx", bytes: new Uint8Array(await xlsxBytes(otherInstitution, keepRows(4, 7))) },
  ];
}
