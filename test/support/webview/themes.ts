// VS Code's default themes as a webview sees them (captured by scripts/capture-webview-themes.ts),
// and how the harness page puts one on: the variables on <html style>, the classes on <body>, as
// VS Code does.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** The themes the harness can show. */
export type ThemeName = 'dark' | 'light' | 'hcDark' | 'hcLight';

/** VS Code's ids of those themes (1.139: ThemeSettingDefaults and the high-contrast pair). */
export const THEME_IDS: Record<ThemeName, string> = {
  dark: 'Dark 2026',
  light: 'Light 2026',
  hcDark: 'Default High Contrast',
  hcLight: 'Default High Contrast Light',
};

/** Their names in the theme picker. */
export const THEME_LABELS: Record<ThemeName, string> = {
  dark: 'Dark 2026',
  light: 'Light 2026',
  hcDark: 'Dark High Contrast',
  hcLight: 'Light High Contrast',
};

/** One captured theme. */
export interface CapturedTheme {
  /** The vscode-* classes of <body>, e.g. "vscode-dark". */
  bodyClass: string;
  themeKind: string;
  themeId: string;
  /** --vscode-* custom properties and their values. */
  variables: Record<string, string>;
}

/** Where a captured theme is kept. */
export function themeFile(name: ThemeName): string {
  return path.join(__dirname, 'themes', `${name}.json`);
}

/** Reads a captured theme. */
export function loadTheme(name: ThemeName): CapturedTheme {
  return JSON.parse(readFileSync(themeFile(name), 'utf8')) as CapturedTheme;
}

interface ThemedDocument {
  documentElement: { style: { setProperty(name: string, value: string): void; cssText: string } };
  body: { className: string; setAttribute(name: string, value: string): void };
}

/** Applies a theme to the page the way VS Code does (through the CSSOM: the page's CSP stays strict). */
export async function applyTheme(page: Page, name: ThemeName): Promise<CapturedTheme> {
  const theme = loadTheme(name);
  await page.evaluate((t) => {
    const doc = (globalThis as unknown as { document: ThemedDocument }).document;
    doc.documentElement.style.cssText = '';
    for (const [property, value] of Object.entries(t.variables)) doc.documentElement.style.setProperty(property, value);
    doc.body.className = t.bodyClass;
    doc.body.setAttribute('data-vscode-theme-kind', t.themeKind);
    doc.body.setAttribute('data-vscode-theme-id', t.themeId);
  }, theme);
  return theme;
}
