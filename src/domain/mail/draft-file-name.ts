const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/**
 * A file name that is safe on Windows, macOS and in a zip, from an ID: letters, digits, . _ - kept; anything
 * else becomes _; no leading dot; Windows device names (CON, NUL, COM1…) get a leading _.
 */
export function safeFileStem(id: string): string {
  let stem = id.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "_").slice(0, 100);
  if (stem === "") stem = "_";
  if (RESERVED.test(stem)) stem = `_${stem}`;
  return stem;
}

/** Makes names unique ignoring case (Windows and macOS folders do): a repeat gets ~2, ~3… before the extension. */
export function uniqueFileNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const dot = name.lastIndexOf(".");
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const ext = dot > 0 ? name.slice(dot) : "";
    let candidate = name;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${stem}~${n}${ext}`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}
