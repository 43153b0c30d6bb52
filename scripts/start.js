#!/usr/bin/env node
// npm start      — runs the dev server (https://localhost:3000) and sideloads manifest.xml where Excel is installed:
//                  Windows: registers the manifest under HKCU\Software\Microsoft\Office\16.0\WEF\Developer and opens Excel;
//                  macOS:   copies the manifest into Excel's wef folder and opens Excel;
//                  elsewhere (Linux, CI): prints how to upload the manifest to Excel on the web.
// npm run stop   — undoes the registration (node scripts/start.js --stop). The dev server stops with Ctrl+C.
"use strict";
const { execFileSync, spawn } = require("child_process");
const fs = require("fs");
const net = require("net");
const os = require("os");
const path = require("path");
const tls = require("tls");

const root = path.join(__dirname, "..");
const manifestPath = path.join(root, "manifest.xml");
const DEV_URL = "https://localhost:3000/taskpane.html";
const WEF_KEY = "HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer";
const macWefDir = path.join(os.homedir(), "Library/Containers/com.microsoft.Excel/Data/Documents/wef");

const excelOnTheWebSteps = `
Excel on the web でのサイドロード手順:
  1. ブラウザーで https://localhost:3000/taskpane.html を開き、証明書の警告が出ないことを確かめます。
  2. Excel on the web でブックを開き、［ホーム］（または［挿入］）→［アドイン］→［その他の設定］→［個人用アドイン］を開きます。
  3. ［個人用アドインのアップロード］（Upload My Add-in）で次のファイルを選びます:
     ${manifestPath}
  4. ［ホーム］タブの［申請チェック］→［チェック画面］で作業ウィンドウが開きます。

Sideload in Excel on the web:
  1. Open https://localhost:3000/taskpane.html in the browser and make sure there is no certificate warning.
  2. Open a workbook in Excel on the web, then Home (or Insert) → Add-ins → More Settings → My Add-ins.
  3. Choose "Upload My Add-in" and select the file above (manifest.xml).
  4. Home → 申請チェック → チェック画面 (Open checker) opens the task pane.
`;

// Read directly rather than with office-addin-manifest, which needs require(esm) (Node 20.19+).
async function addinId() {
  const id = /<Id>\s*([0-9a-fA-F-]{36})\s*<\/Id>/.exec(fs.readFileSync(manifestPath, "utf8"));
  if (!id) throw new Error("manifest.xml に Id がありません / manifest.xml has no Id");
  return id[1];
}

/** Registers the manifest with the desktop Excel of this machine; returns a sentence saying what was done, or undefined. */
async function register() {
  if (process.platform === "win32") {
    execFileSync("reg", ["add", WEF_KEY, "/v", await addinId(), "/t", "REG_SZ", "/d", manifestPath, "/f"], { stdio: "ignore" });
    return `Excel に登録しました / registered for Excel: ${WEF_KEY}`;
  }
  if (process.platform === "darwin") {
    if (!fs.existsSync(path.dirname(path.dirname(macWefDir)))) return undefined; // Excel has never run here
    fs.mkdirSync(macWefDir, { recursive: true });
    const target = path.join(macWefDir, `${await addinId()}.manifest.xml`);
    fs.copyFileSync(manifestPath, target);
    return `Excel に登録しました / registered for Excel: ${target}`;
  }
  return undefined;
}

async function unregister() {
  if (process.platform === "win32") {
    try {
      execFileSync("reg", ["delete", WEF_KEY, "/v", await addinId(), "/f"], { stdio: "ignore" });
      console.log("登録を解除しました / unregistered from Excel.");
    } catch {
      console.log("登録されていません / it was not registered.");
    }
  } else if (process.platform === "darwin") {
    const target = path.join(macWefDir, `${await addinId()}.manifest.xml`);
    if (fs.existsSync(target)) {
      fs.rmSync(target);
      console.log(`登録を解除しました / unregistered: ${target}`);
    } else {
      console.log("登録されていません / it was not registered.");
    }
  } else {
    console.log("このOSでは登録していません。Excel on the web では［個人用アドイン］から削除してください。/ Nothing registered on this OS; remove the add-in from My Add-ins in Excel on the web.");
  }
}

function openExcel() {
  const child =
    process.platform === "win32"
      ? spawn("cmd", ["/c", "start", "", "excel"], { detached: true, stdio: "ignore" })
      : spawn("open", ["-a", "Microsoft Excel"], { detached: true, stdio: "ignore" });
  child.on("error", () => console.log("Excel を起動できませんでした。手動で起動してください。/ Could not start Excel; start it yourself."));
  child.unref();
}

/** Resolves when something listens on localhost:port (the dev server), rejects after timeoutMs. */
function waitForPort(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = net.connect(port, "localhost");
      socket.once("connect", () => (socket.destroy(), resolve()));
      socket.once("error", () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`localhost:${port} が応答しません / nothing answers on localhost:${port}`));
        else setTimeout(attempt, 500);
      });
    };
    attempt();
  });
}

/** Whether the dev server on localhost:port speaks TLS (webpack.config.js falls back to plain HTTP without certificates). */
function servesHttps(port) {
  return new Promise((resolve) => {
    const socket = tls.connect({ port, host: "localhost", servername: "localhost", rejectUnauthorized: false });
    socket.setTimeout(5000, () => (socket.destroy(), resolve(false)));
    socket.once("secureConnect", () => (socket.end(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

async function start() {
  const webpackCli = require.resolve("webpack-cli/bin/cli.js");
  const server = spawn(process.execPath, [webpackCli, "serve", "--mode", "development"], { cwd: root, stdio: "inherit" });
  let exited = false;
  server.on("exit", (code) => {
    exited = true;
    process.exitCode = code ?? 1;
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));

  try {
    await waitForPort(3000, 120000);
  } catch (e) {
    if (!exited) console.error(e.message);
    return;
  }
  if (!(await servesHttps(3000))) {
    console.log("\nhttp で起動しているため、Excel へのサイドロードは行いません（上の ⚠ を参照）。/ Serving plain HTTP: not sideloading (see the ⚠ above).\n");
    return;
  }
  let done;
  try {
    done = await register();
  } catch (e) {
    console.error(`Excel への登録に失敗しました / could not register with Excel: ${e.message}`);
  }
  if (done) {
    console.log(`\n${done}\nExcel を起動します。［ホーム］タブの［申請チェック］→［チェック画面］で開きます（見当たらない場合は［挿入］→［個人用アドイン］）。`);
    console.log("Starting Excel. Open the pane with Home → 申請チェック → チェック画面 (or Insert → My Add-ins).");
    console.log("登録の解除 / to unregister: npm run stop\n");
    openExcel();
  } else {
    console.log(`\nこの環境ではデスクトップ版 Excel に登録できません / no desktop Excel to sideload into here.\nアドインの URL / add-in URL: ${DEV_URL}`);
    console.log(excelOnTheWebSteps);
  }
}

(process.argv.includes("--stop") ? unregister() : start()).catch((e) => {
  console.error(e && e.message ? e.message : e);
  process.exitCode = 1;
});
