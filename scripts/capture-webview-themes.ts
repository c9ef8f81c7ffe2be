// Captures the theme a VS Code webview really gets: the --vscode-* variables on <html style> and
// the theme classes on <body>, for the four default themes, from a webview in code-server (the
// Markdown preview: every webview gets the same). The harness page replays them, so the mask
// editor is tested and screenshotted in real theme colours without a VS Code around it.
// Re-run after a VS Code update (under the rig lock):
//   flock /tmp/ideogram-rig.lock npx tsx scripts/capture-webview-themes.ts [path/to.vsix]
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { answerInputBox, runCommand, webviewFrame } from '../test/support/ui/workbench';
import { launchChromium } from '../test/support/rig/browser';
import { reportFatal } from '../test/support/rig/errors';
import { cacheDir, extensionVsixPath } from '../test/support/rig/paths';
import { cleanupAll, onCleanup } from '../test/support/rig/processes';
import { startSession } from '../test/support/rig/session';
import { openWorkbench } from '../test/support/rig/workbench';
import { THEME_IDS, THEME_LABELS, themeFile, type CapturedTheme, type ThemeName } from '../test/support/webview/themes';

async function main(): Promise<number> {
  const session = await startSession({
    runDir: path.join(cacheDir, 'theme-capture-run'),
    vsixFiles: [process.argv[2] ?? extensionVsixPath],
    extraSettings: { 'workbench.colorTheme': THEME_IDS.dark },
  });
  const browser = await launchChromium();
  onCleanup(() => browser.close());
  const page = await openWorkbench(browser, session.codeServer.workbenchUrl, path.join(session.runDir, 'browser-console.log'));
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'README.md' }).first().click();
  await runCommand(page, 'Markdown: Open Preview');
  const frame = webviewFrame(page);
  for (const [name, id] of Object.entries(THEME_IDS) as [ThemeName, string][]) {
    // The webview's <body> says when the chosen theme is applied.
    await runCommand(page, 'Preferences: Color Theme');
    await answerInputBox(page, THEME_LABELS[name]); // the filtered list's first row is the theme
    await frame.locator(`body[data-vscode-theme-id="${id}"]`).waitFor({ state: 'attached', timeout: 30_000 });
    const theme = await frame.locator('body').evaluate((body): CapturedTheme => {
      const element = body as unknown as { className: string; getAttribute(name: string): string | null; ownerDocument: { documentElement: { getAttribute(name: string): string | null } } };
      const style = element.ownerDocument.documentElement.getAttribute('style') ?? '';
      const variables: Record<string, string> = {};
      for (const declaration of style.split(';')) {
        const colon = declaration.indexOf(':');
        const property = declaration.slice(0, colon).trim();
        if (colon > 0 && property.startsWith('--vscode-')) variables[property] = declaration.slice(colon + 1).trim();
      }
      return {
        bodyClass: element.className.split(/\s+/).filter((c) => c.startsWith('vscode-')).join(' '),
        themeKind: element.getAttribute('data-vscode-theme-kind') ?? '',
        themeId: element.getAttribute('data-vscode-theme-id') ?? '',
        variables,
      };
    });
    if (Object.keys(theme.variables).length < 100) throw new Error(`only ${Object.keys(theme.variables).length} theme variables found for ${id}`);
    writeFileSync(themeFile(name), `${JSON.stringify(theme, null, 1)}\n`);
    console.log(`${name}: ${Object.keys(theme.variables).length} variables from "${id}" → ${path.relative(process.cwd(), themeFile(name))}`);
  }
  return 0;
}

void main()
  .catch(reportFatal)
  .then(async (code) => {
    await cleanupAll();
    process.exit(code);
  });
