// Serves the demo build (dist-demo/) and the workbook the stand-in host opens, on the loopback interface only.
//   startHarness({ port, workbook, excelApi }) → { url, close() }  (url ends with /harness.html)
import { createReadStream, existsSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { DEFAULT_WORKBOOK, xlsxToWorkbookJson } from "../../support/stand-in/xlsx-to-model";

export const DEMO_DIR = path.join(__dirname, "..", "..", "..", "dist-demo");

export interface HarnessOptions {
  /** 0 (default) = any free port; npm run demo uses 3100. */
  port?: number;
  /** The .xlsx the stand-in opens (default samples/application-form.xlsx). */
  workbook?: string;
  /** Highest ExcelApi version the stand-in reports (default 1.17); ?excelApi= in the URL overrides it. */
  excelApi?: string;
}

export interface HarnessServer {
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".css": "text/css; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

export async function startHarness(options: HarnessOptions = {}): Promise<HarnessServer> {
  if (!existsSync(path.join(DEMO_DIR, "harness.html"))) {
    throw new Error(
      `dist-demo/harness.html がありません。先にビルドしてください: npx webpack --config webpack.demo.config.js / dist-demo is not built yet (run npm run demo, or the e2e tests, which build it)`,
    );
  }
  const workbookJson = JSON.stringify(await xlsxToWorkbookJson(options.workbook ?? DEFAULT_WORKBOOK));
  const config = JSON.stringify({ excelApi: options.excelApi ?? "1.17" });

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" });
      res.end(body);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return send(405, "text/plain", "method not allowed");
    if (url.pathname === "/") {
      res.writeHead(302, { Location: `/harness.html${url.search}` });
      return res.end();
    }
    if (url.pathname === "/favicon.ico") {
      res.writeHead(204);
      return res.end();
    }
    if (url.pathname === "/workbook.json") return send(200, TYPES[".json"], workbookJson);
    if (url.pathname === "/harness-config.json") return send(200, TYPES[".json"], config);
    const file = path.normalize(path.join(DEMO_DIR, decodeURIComponent(url.pathname)));
    if (!file.startsWith(DEMO_DIR + path.sep) || !existsSync(file) || !statSync(file).isFile()) return send(404, "text/plain", "not found");
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/harness.html`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
