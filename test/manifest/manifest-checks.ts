// Offline checks of an add-in-only (XML) manifest: what the online validator (npm run validate) would reject and what
// this add-in relies on. office-addin-manifest's readManifestFile only reads a few fields, so the XML is also read
// with a DOM parser (namespaces included) and every reference is followed.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { DOMParser, onErrorStopParsing, type Element } from "@xmldom/xmldom";
import type { ManifestInfo } from "office-addin-manifest";

export const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

export interface ManifestExpectations {
  /** Origin (optionally with a base path) every URL must start with, e.g. https://localhost:3000 */
  origin: string;
  /** Folder the icon URLs' /assets/… paths are served from. */
  assetsDir: string;
  /** Pages the build produces, by URL path relative to the origin (e.g. "taskpane.html"). */
  pages: string[];
  /** The one ExcelApi requirement the manifest must declare. */
  excelApi: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Limits from the manifest schema (OfficeAppManifestV1_1 / OfficeAppBasicTypes / TaskPaneAppVersionOverrides).
const LIMITS = { displayName: 125, description: 250, shortString: 125, longString: 250, resid: 32 };

const children = (el: Element, ns: string, name: string): Element[] =>
  Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === name);
const child = (el: Element, ns: string, name: string): Element | undefined => children(el, ns, name)[0];
const all = (el: Element, ns: string, name: string): Element[] => Array.from(el.getElementsByTagNameNS(ns, name));
const xsiType = (el: Element): string | null => el.getAttributeNS(NS.xsi, "type");

/** PNG width and height from the IHDR chunk, or undefined when the file is not a PNG. */
export function pngSize(file: string): { width: number; height: number } | undefined {
  const b = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (b.length < 24 || !b.subarray(0, 8).equals(signature) || b.toString("latin1", 12, 16) !== "IHDR") return undefined;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/**
 * office-addin-manifest's readManifestFile for each file, run in a separate Node process: the package loads
 * ES-module-only dependencies (uuid, @microsoft/app-manifest) that Node 20.19+ can require but Jest's module
 * system cannot. One process reads all the files.
 */
export function readManifestFiles(files: string[]): (ManifestInfo | { error: string })[] {
  const script = `
    const { OfficeAddinManifest } = require("office-addin-manifest");
    Promise.all(process.argv.slice(1).map((f) => OfficeAddinManifest.readManifestFile(f).catch((e) => ({ error: String(e && e.message || e) }))))
      .then((infos) => process.stdout.write(JSON.stringify(infos)));`;
  const out = execFileSync(process.execPath, ["-e", script, ...files], { cwd: path.join(__dirname, "..", ".."), encoding: "utf8" });
  return JSON.parse(out);
}

/** Parses the manifest strictly: any XML error or warning is an exception. */
export function parseManifestXml(xml: string): Element {
  const doc = new DOMParser({ onError: onErrorStopParsing }).parseFromString(xml, "text/xml");
  const root = doc.documentElement;
  if (!root) throw new Error("no root element");
  return root;
}

/**
 * Every problem found in the manifest file, as a sentence naming the element; [] when it passes.
 * `info` is what office-addin-manifest read from it (the reader `office-addin-manifest validate` starts with);
 * the file is also read with a namespace-aware DOM parser.
 */
export function manifestProblems(manifestPath: string, info: ManifestInfo | { error: string }, expect: ManifestExpectations): string[] {
  const problems: string[] = [];
  let root: Element;
  try {
    root = parseManifestXml(fs.readFileSync(manifestPath, "utf8"));
  } catch (e) {
    return [`not well-formed XML: ${(e as Error).message}`];
  }
  if ("error" in info) return [`office-addin-manifest cannot read it: ${info.error}`];

  // What office-addin-manifest reads.
  if (!info.id || !GUID.test(info.id)) problems.push(`Id is not a GUID: ${info.id}`);
  if (info.officeAppType !== "TaskPaneApp") problems.push(`OfficeApp xsi:type is ${info.officeAppType}, not TaskPaneApp`);
  if (JSON.stringify(info.hosts) !== JSON.stringify(["Workbook"])) problems.push(`Hosts are ${JSON.stringify(info.hosts)}, not ["Workbook"]`);
  if (info.defaultLocale !== "ja-JP") problems.push(`DefaultLocale is ${info.defaultLocale}, not ja-JP`);
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(info.version ?? "")) problems.push(`Version is not n.n.n.n: ${info.version}`);
  if (!info.providerName?.trim()) problems.push("ProviderName is empty");
  if (info.permissions !== "ReadWriteDocument") problems.push(`Permissions is ${info.permissions}, not ReadWriteDocument`);
  if (!info.displayName || info.displayName.length > LIMITS.displayName) problems.push(`DisplayName is empty or longer than ${LIMITS.displayName}`);
  if (!info.description || info.description.length > LIMITS.description) problems.push(`Description is empty or longer than ${LIMITS.description}`);
  if (!/[\u3040-\u30ff\u4e00-\u9fff]/.test(`${info.displayName}${info.description}`)) problems.push("DisplayName/Description are not Japanese");

  // Root element and namespaces.
  if (root.namespaceURI !== NS.app || root.localName !== "OfficeApp") problems.push(`root is {${root.namespaceURI}}${root.localName}, not OfficeApp 1.1`);

  // Localised names: an en-US override for the display name and description.
  for (const name of ["DisplayName", "Description"]) {
    const el = child(root, NS.app, name);
    if (!el || !children(el, NS.app, "Override").some((o) => o.getAttribute("Locale") === "en-US" && o.getAttribute("Value")))
      problems.push(`${name} has no en-US Override`);
  }

  // Every URL in the manifest: https, on the add-in's origin.
  const urls: { where: string; url: string }[] = [];
  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
    const el = child(root, NS.app, name);
    if (!el) problems.push(`${name} is missing`);
    else urls.push({ where: name, url: el.getAttribute("DefaultValue") ?? "" });
  }
  const sourceLocation = child(child(root, NS.app, "DefaultSettings") ?? root, NS.app, "SourceLocation")?.getAttribute("DefaultValue") ?? "";
  if (sourceLocation !== info.defaultSettings?.sourceLocation) problems.push("DefaultSettings/SourceLocation not read back by office-addin-manifest");
  urls.push({ where: "DefaultSettings/SourceLocation", url: sourceLocation });
  for (const el of [...all(root, NS.bt, "Image"), ...all(root, NS.bt, "Url")].filter((e) => e.getAttribute("id"))) {
    urls.push({ where: `${el.localName} ${el.getAttribute("id")}`, url: el.getAttribute("DefaultValue") ?? "" });
    for (const o of children(el, NS.bt, "Override")) urls.push({ where: `${el.localName} ${el.getAttribute("id")} (${o.getAttribute("Locale")})`, url: o.getAttribute("Value") ?? "" });
  }
  const base = expect.origin.replace(/\/$/, "") + "/";
  for (const { where, url } of urls) {
    if (!url.startsWith(base)) problems.push(`${where}: ${url} is not on ${expect.origin}`);
    else if (!url.startsWith("https://")) problems.push(`${where}: ${url} is not https`);
  }
  for (const domain of info.appDomains ?? []) {
    if (!domain.startsWith(base) && domain !== expect.origin) problems.push(`AppDomain ${domain} is another origin`);
  }

  // Pages and icons exist.
  const relative = (url: string) => (url.startsWith(base) ? url.slice(base.length) : undefined);
  for (const { where, url } of urls) {
    const rel = relative(url);
    if (rel === undefined) continue;
    if (rel.startsWith("assets/")) {
      const file = path.join(expect.assetsDir, rel.slice("assets/".length));
      if (!fs.existsSync(file)) problems.push(`${where}: ${rel} is not in assets/`);
      else if (!pngSize(file)) problems.push(`${where}: ${rel} is not a PNG`);
    } else if (!expect.pages.includes(rel.split(/[?#]/)[0])) {
      problems.push(`${where}: ${rel} is not a page the build produces (${expect.pages.join(", ")})`);
    }
  }
  const iconSizes: Record<string, number[]> = { IconUrl: [32, 64], HighResolutionIconUrl: [64, 128] };
  for (const [name, sizes] of Object.entries(iconSizes)) {
    const rel = relative(child(root, NS.app, name)?.getAttribute("DefaultValue") ?? "");
    const file = rel?.startsWith("assets/") ? path.join(expect.assetsDir, rel.slice(7)) : undefined;
    const size = file && fs.existsSync(file) ? pngSize(file) : undefined;
    if (size && !(size.width === size.height && sizes.includes(size.width))) problems.push(`${name} is ${size.width}×${size.height}, not ${sizes.join(" or ")} square`);
  }

  // Requirements: exactly ExcelApi at the declared minimum.
  const sets = all(child(root, NS.app, "Requirements") ?? root, NS.app, "Set");
  const declared = sets.map((s) => `${s.getAttribute("Name")} ${s.getAttribute("MinVersion")}`);
  if (JSON.stringify(declared) !== JSON.stringify([`ExcelApi ${expect.excelApi}`])) problems.push(`Requirements are [${declared.join(", ")}], not [ExcelApi ${expect.excelApi}]`);

  // Ribbon: VersionOverrides 1.0 for Workbook, a button on the Home tab that shows the task pane.
  const overrides = child(root, NS.ov, "VersionOverrides");
  if (!overrides || xsiType(overrides) !== "VersionOverridesV1_0") return [...problems, "no VersionOverrides (VersionOverridesV1_0)"];
  const resources = child(overrides, NS.ov, "Resources");
  const resourceIds = (group: string, item: string) =>
    new Map((resources ? all(child(resources, NS.bt, group) ?? resources, NS.bt, item) : []).map((e) => [e.getAttribute("id") ?? "", e] as const));
  const images = resourceIds("Images", "Image");
  const urlIds = resourceIds("Urls", "Url");
  const shortStrings = resourceIds("ShortStrings", "String");
  const longStrings = resourceIds("LongStrings", "String");
  for (const [kind, map, limit] of [["ShortStrings", shortStrings, LIMITS.shortString], ["LongStrings", longStrings, LIMITS.longString]] as const) {
    for (const [id, el] of map) {
      const values = [el.getAttribute("DefaultValue") ?? "", ...children(el, NS.bt, "Override").map((o) => o.getAttribute("Value") ?? "")];
      if (values.some((v) => !v.trim() || v.length > limit)) problems.push(`${kind} ${id}: empty or longer than ${limit}`);
      if (!children(el, NS.bt, "Override").some((o) => o.getAttribute("Locale") === "en-US")) problems.push(`${kind} ${id}: no en-US Override`);
    }
  }
  for (const map of [images, urlIds, shortStrings, longStrings]) {
    for (const id of map.keys()) if (!id || id.length > LIMITS.resid) problems.push(`resource id "${id}" is empty or longer than ${LIMITS.resid}`);
  }
  const resolve = (el: Element | undefined, map: Map<string, Element>, what: string): Element | undefined => {
    const id = el?.getAttribute("resid");
    const target = id ? map.get(id) : undefined;
    if (!target) problems.push(`${what}: resid "${id}" does not name a resource of that kind`);
    return target;
  };
  // Every resid in the file must resolve to the right kind of resource.
  const residKinds: Record<string, Map<string, Element>> = { Label: shortStrings, Title: shortStrings, Description: longStrings, SourceLocation: urlIds, LearnMoreUrl: urlIds, FunctionFile: urlIds };
  for (const el of Array.from(overrides.getElementsByTagName("*")).filter((e) => e.getAttribute("resid"))) {
    const kind = el.localName === "Image" ? images : residKinds[el.localName ?? ""];
    if (!kind) problems.push(`unexpected resid on ${el.localName}`);
    else resolve(el, kind, el.localName ?? "");
  }

  const hosts = all(overrides, NS.ov, "Host");
  if (hosts.length !== 1 || xsiType(hosts[0]) !== "Workbook") problems.push("VersionOverrides does not have exactly one Host xsi:type Workbook");
  const homeTabs = all(overrides, NS.ov, "OfficeTab").filter((t) => t.getAttribute("id") === "TabHome");
  const buttons = homeTabs.flatMap((t) => all(t, NS.ov, "Control")).filter((c) => xsiType(c) === "Button");
  const showTaskpane = buttons.flatMap((b) => children(b, NS.ov, "Action")).filter((a) => xsiType(a) === "ShowTaskpane");
  if (showTaskpane.length !== 1) problems.push(`expected one ShowTaskpane button on the Home tab, found ${showTaskpane.length}`);
  for (const action of showTaskpane) {
    if (!child(action, NS.ov, "TaskpaneId")?.textContent?.trim()) problems.push("ShowTaskpane has no TaskpaneId");
    const url = resolve(child(action, NS.ov, "SourceLocation"), urlIds, "ShowTaskpane SourceLocation")?.getAttribute("DefaultValue");
    if (url && url !== sourceLocation) problems.push(`ShowTaskpane opens ${url}, not the DefaultSettings page ${sourceLocation}`);
  }
  for (const group of homeTabs.flatMap((t) => all(t, NS.ov, "Group"))) {
    const label = shortStrings.get(child(group, NS.ov, "Label")?.getAttribute("resid") ?? "")?.getAttribute("DefaultValue");
    if (label !== "申請チェック") problems.push(`Home tab group label is ${label}, not 申請チェック`);
  }
  // Ribbon icons: sizes 16, 32, 80 present and the PNGs have those dimensions.
  for (const icon of all(overrides, NS.ov, "Icon")) {
    const images16to80 = children(icon, NS.bt, "Image");
    const sizes = images16to80.map((i) => Number(i.getAttribute("size")));
    if (JSON.stringify(sizes) !== JSON.stringify([16, 32, 80])) problems.push(`ribbon Icon sizes are [${sizes.join(", ")}], not [16, 32, 80]`);
    for (const image of images16to80) {
      const url = images.get(image.getAttribute("resid") ?? "")?.getAttribute("DefaultValue") ?? "";
      const rel = relative(url);
      const file = rel?.startsWith("assets/") ? path.join(expect.assetsDir, rel.slice(7)) : undefined;
      const size = file && fs.existsSync(file) ? pngSize(file) : undefined;
      const want = Number(image.getAttribute("size"));
      if (size && (size.width !== want || size.height !== want)) problems.push(`ribbon icon ${rel} is ${size.width}×${size.height}, declared ${want}`);
    }
  }
  return problems;
}
