// What the pane needs to know about the Office host it runs in, outside of Excel.run: when Office is ready and
// whether this is Excel, the theme's background, the platform. The pane reads these here and nowhere else.

/** Resolves when Office.js is ready: true inside Excel, false in another host or outside Office. */
export function officeReady(): Promise<boolean> {
  return Office.onReady().then((info) => info.host === Office.HostType.Excel);
}

/** The Office theme's background colour, when the host has a theme (Excel on the web before theme support has none). */
export function officeBackground(): string | undefined {
  try {
    return Office.context.officeTheme?.bodyBackgroundColor;
  } catch {
    return undefined;
  }
}

/** Office.context.diagnostics.platform: "OfficeOnline" | "PC" | "Mac" | … (undefined outside Office). */
export function officePlatform(): string | undefined {
  try {
    return typeof Office !== "undefined" ? String(Office.context?.diagnostics?.platform ?? "") || undefined : undefined;
  } catch {
    return undefined;
  }
}
