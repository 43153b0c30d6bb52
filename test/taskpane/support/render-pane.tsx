import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, render, type RenderResult } from "@testing-library/react";
import { DEFAULT_PROFILE, type Cell, type FormProfile } from "../../../src/domain";
import type { HostCapabilities } from "../../../src/excel/gateway-types";
import type { ReviewGateway } from "../../../src/excel/review-gateway-types";
import { App } from "../../../src/taskpane/App";
import { PaneController, type MasterFileReader } from "../../../src/taskpane/state/controller";
import { eventSource, queueSource, settled } from "../../support/settle";
import { FakeGateway, FULL_CAPABILITIES } from "./fake-gateway";

export interface RenderedPane {
  gateway: FakeGateway;
  controller: PaneController;
  view: RenderResult;
  /** Resolves once queued Office work, echoed change events and the React updates they cause are done. */
  settle(): Promise<void>;
}

/** Node cannot fetch webpack chunks: the file reader is the real module, imported directly. */
const directFileReader: MasterFileReader = async (file, profile, onProgress) => {
  const { readMasterFile } = await import("../../../src/taskpane/masters/read-master-file");
  return readMasterFile(file, profile, onProgress);
};

/**
 * `beforeStart` runs on the gateway before the pane opens (e.g. to make the first read fail); with `reviewGateway`
 * the pane has its 審査（自治体） tab.
 */
export async function renderPane(
  sheets: { name: string; values: Cell[][] }[],
  caps: HostCapabilities = FULL_CAPABILITIES,
  profile: FormProfile = DEFAULT_PROFILE,
  beforeStart?: (gateway: FakeGateway) => void,
  reviewGateway?: ReviewGateway,
): Promise<RenderedPane> {
  const gateway = new FakeGateway(sheets, caps);
  beforeStart?.(gateway);
  const controller = new PaneController(gateway, profile, { readMasterFile: directFileReader });
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <App controller={controller} reviewGateway={reviewGateway} />
    </FluentProvider>,
  );
  // The gateway's echoed change events and the controller's queue, until neither has anything more to do.
  const sources = [eventSource(gateway), queueSource(controller.queue)];
  const settle = () => act(() => settled(sources));
  await settle();
  return { gateway, controller, view, settle };
}
