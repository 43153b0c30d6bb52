// The add-in manifest, checked offline (CI has no internet; `npm run validate` needs Microsoft's online service).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { manifestProblems, pngSize, readManifestFiles, type ManifestExpectations } from "./manifest-checks";

const root = path.join(__dirname, "..", "..");
const manifestPath = path.join(root, "manifest.xml");
const manifestXml = fs.readFileSync(manifestPath, "utf8");

interface BuildConfig {
  plugins: { constructor: { name: string }; userOptions?: { filename?: string }; patterns?: { from: string; transform?: (c: Buffer) => string }[] }[];
}
interface WebpackConfigModule {
  (env: Record<string, unknown>, argv: { mode: string }): Promise<BuildConfig>;
  addinOrigin(value: string | undefined): string;
  DEV_ORIGIN: string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig: WebpackConfigModule = require("../../webpack.config.js");

async function buildConfig(addinOrigin?: string): Promise<BuildConfig> {
  const saved = process.env.ADDIN_ORIGIN;
  if (addinOrigin === undefined) delete process.env.ADDIN_ORIGIN;
  else process.env.ADDIN_ORIGIN = addinOrigin;
  try {
    return await webpackConfig({}, { mode: "production" });
  } finally {
    if (saved === undefined) delete process.env.ADDIN_ORIGIN;
    else process.env.ADDIN_ORIGIN = saved;
  }
}

/** The HTML pages the production build emits (HtmlWebpackPlugin filenames). */
async function builtPages(): Promise<string[]> {
  const config = await buildConfig();
  return config.plugins.filter((p) => p.constructor.name === "HtmlWebpackPlugin").map((p) => p.userOptions?.filename ?? "");
}

/** dist/manifest.xml as the build writes it (the copy pattern's transform applied to manifest.xml). */
async function builtManifest(addinOrigin?: string): Promise<string> {
  const config = await buildConfig(addinOrigin);
  const copy = config.plugins.find((p) => Array.isArray(p.patterns));
  const pattern = copy?.patterns?.find((p) => p.from === "manifest.xml");
  if (!pattern?.transform) throw new Error("the build does not copy manifest.xml");
  return pattern.transform(Buffer.from(manifestXml, "utf8"));
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-test-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function writeManifest(name: string, xml: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, xml, "utf8");
  return file;
}

async function expectations(origin = "https://localhost:3000"): Promise<ManifestExpectations> {
  return { origin, assetsDir: path.join(root, "assets"), pages: await builtPages(), excelApi: "1.2" };
}

describe("manifest.xml", () => {
  const [info] = readManifestFiles([manifestPath]);

  test("passes every offline check", async () => {
    expect(manifestProblems(manifestPath, info, await expectations())).toEqual([]);
  });

  test("office-addin-manifest reads the identity Excel shows", () => {
    expect(info).toMatchObject({
      id: "c99c1560-a0fb-49c9-81ae-3085aa89b85d",
      officeAppType: "TaskPaneApp",
      hosts: ["Workbook"],
      defaultLocale: "ja-JP",
      displayName: "感染症サーベイランス 利用申請チェック",
      permissions: "ReadWriteDocument",
      defaultSettings: { sourceLocation: "https://localhost:3000/taskpane.html" },
    });
  });

  test("the build emits the pages the manifest points at", async () => {
    expect(await builtPages()).toEqual(expect.arrayContaining(["taskpane.html", "help.html"]));
  });

  test("every PNG in assets/ has the size its name says", () => {
    const pngs = fs.readdirSync(path.join(root, "assets")).filter((f) => f.endsWith(".png"));
    expect(pngs.sort()).toEqual(["icon-128.png", "icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png"]);
    for (const file of pngs) {
      const n = Number(/icon-(\d+)\.png/.exec(file)?.[1]);
      expect({ file, ...pngSize(path.join(root, "assets", file)) }).toEqual({ file, width: n, height: n });
    }
  });
});

describe("dist/manifest.xml for another server (ADDIN_ORIGIN)", () => {
  test("without ADDIN_ORIGIN the copy is the dev manifest", async () => {
    expect(await builtManifest()).toBe(manifestXml);
  });

  test("every URL moves to the given origin and base path, and the result passes the same checks", async () => {
    const origin = "https://addin.example.lg.jp/nesid";
    const xml = await builtManifest(origin + "/");
    expect(xml).not.toContain("localhost");
    const file = writeManifest("production.xml", xml);
    const [info] = readManifestFiles([file]);
    expect(manifestProblems(file, info, await expectations(origin))).toEqual([]);
    expect(info).toMatchObject({ defaultSettings: { sourceLocation: `${origin}/taskpane.html` } });
  });

  test.each([
    ["http://addin.example.lg.jp", /https/],
    ["addin.example.lg.jp", /URL/],
    ["https://addin.example.lg.jp/?v=1", /クエリ/],
  ])("refuses %s", (value, message) => {
    expect(() => webpackConfig.addinOrigin(value)).toThrow(message);
  });

  test("normalises the origin", () => {
    expect(webpackConfig.addinOrigin(undefined)).toBe(webpackConfig.DEV_ORIGIN);
    expect(webpackConfig.addinOrigin("https://Addin.Example.lg.jp:8443/nesid/")).toBe("https://addin.example.lg.jp:8443/nesid");
  });
});

describe("the checks reject what readManifestFile alone accepts", () => {
  const cases: [string, (xml: string) => string, RegExp][] = [
    ["an Id that is not a GUID", (x) => x.replace(/<Id>[^<]+<\/Id>/, "<Id>nesid-account</Id>"), /Id is not a GUID/],
    ["an icon on a CDN", (x) => x.replace('IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"', 'IconUrl DefaultValue="https://cdn.example.com/icon-32.png"'), /IconUrl: https:\/\/cdn\.example\.com\/icon-32\.png is not on https:\/\/localhost:3000/],
    ["a plain-http support page", (x) => x.replace('SupportUrl DefaultValue="https://', 'SupportUrl DefaultValue="http://'), /SupportUrl: http:\/\/localhost:3000\/help\.html is not on/],
    ["a ribbon icon missing from assets/", (x) => x.replace("icon-80.png", "icon-81.png"), /Image Nesid\.Icon\.80: assets\/icon-81\.png is not in assets\//],
    ["a ribbon icon of the wrong size", (x) => x.replace('id="Nesid.Icon.16" DefaultValue="https://localhost:3000/assets/icon-16.png"', 'id="Nesid.Icon.16" DefaultValue="https://localhost:3000/assets/icon-32.png"'), /icon-32\.png is 32×32, declared 16/],
    ["a page the build does not produce", (x) => x.replace(/taskpane\.html/g, "index.html"), /index\.html is not a page the build produces/],
    ["a higher ExcelApi requirement", (x) => x.replace('MinVersion="1.2"', 'MinVersion="1.9"'), /Requirements are \[ExcelApi 1\.9\]/],
    ["an extra requirement set", (x) => x.replace('<Set Name="ExcelApi" MinVersion="1.2"/>', '<Set Name="ExcelApi" MinVersion="1.2"/><Set Name="SharedRuntime" MinVersion="1.1"/>'), /Requirements are \[ExcelApi 1\.2, SharedRuntime 1\.1\]/],
    ["a Word host", (x) => x.replace('<Host Name="Workbook"/>', '<Host Name="Document"/>'), /Hosts are \["Document"\]/],
    ["a button that runs a function instead of opening the pane", (x) => x.replace('Action xsi:type="ShowTaskpane"', 'Action xsi:type="ExecuteFunction"'), /expected one ShowTaskpane button on the Home tab, found 0/],
    ["the button on another tab", (x) => x.replace('OfficeTab id="TabHome"', 'OfficeTab id="TabInsert"'), /found 0/],
    ["a label pointing at a missing string", (x) => x.replace('<Label resid="Nesid.TaskpaneButton.Label"/>', '<Label resid="Nesid.Missing"/>'), /Label: resid "Nesid\.Missing" does not name a resource/],
    ["a label pointing at a long string", (x) => x.replace('<Label resid="Nesid.Group.Label"/>', '<Label resid="Nesid.TaskpaneButton.Tooltip"/>'), /Label: resid "Nesid\.TaskpaneButton\.Tooltip" does not name a resource/],
    ["a resource id over 32 characters", (x) => x.replace(/Nesid\.GetStarted\.Description/g, "Nesid.GetStarted.DescriptionOfTheAddIn"), /resource id "Nesid\.GetStarted\.DescriptionOfTheAddIn" is empty or longer than 32/],
    ["a short string over 125 characters", (x) => x.replace('DefaultValue="チェック画面"', `DefaultValue="${"チ".repeat(126)}"`), /ShortStrings Nesid\.TaskpaneButton\.Label: empty or longer than 125/],
    ["a string without the English override", (x) => x.replace('<bt:Override Locale="en-US" Value="Application check"/>', ""), /ShortStrings Nesid\.Group\.Label: no en-US Override/],
    ["an English display name", (x) => x.replace(/<DisplayName DefaultValue="[^"]+">/, '<DisplayName DefaultValue="Checker">').replace(/<Description DefaultValue="[^"]+">/, '<Description DefaultValue="Checks forms.">'), /not Japanese/],
    ["a second origin in AppDomains", (x) => x.replace("<Hosts>", "<AppDomains><AppDomain>https://evil.example.com</AppDomain></AppDomains><Hosts>"), /AppDomain https:\/\/evil\.example\.com is another origin/],
  ];

  // All mutated manifests are read by office-addin-manifest in one process.
  let infos: ReturnType<typeof readManifestFiles>;
  let files: string[];
  beforeAll(() => {
    files = cases.map(([, mutate], i) => writeManifest(`mutated-${i}.xml`, mutate(manifestXml)));
    infos = readManifestFiles(files);
  });

  test.each(cases.map((c, i) => [...c, i] as const))("%s", async (_name, mutate, problem, i) => {
    expect(mutate(manifestXml)).not.toBe(manifestXml);
    // office-addin-manifest reads it without complaint…
    expect(infos[i]).not.toHaveProperty("error");
    // …the checks do not.
    expect(manifestProblems(files[i], infos[i], await expectations())).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
  });

  test("XML that is not well formed", async () => {
    const file = writeManifest("broken.xml", manifestXml.replace("</Permissions>", ""));
    const [info] = readManifestFiles([file]);
    expect(manifestProblems(file, info, await expectations())).toEqual([expect.stringMatching(/^not well-formed XML/)]);
  });
});
