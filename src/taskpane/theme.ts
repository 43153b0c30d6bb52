import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/** Relative luminance of a #rrggbb colour (0 = black, 1 = white); undefined when it is not one. */
export function luminance(color: string | undefined): number | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color?.trim() ?? "");
  if (!m) return undefined;
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The Fluent theme that matches the Office theme (dark when Office's body background is dark). */
export function themeForOffice(bodyBackgroundColor: string | undefined): Theme {
  const l = luminance(bodyBackgroundColor);
  return l !== undefined && l < 0.4 ? webDarkTheme : webLightTheme;
}
