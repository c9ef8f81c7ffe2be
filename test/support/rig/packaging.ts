// Packages the extension (and the in-host test harness) with @vscode/vsce.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RigError } from './errors';
import { extensionVsixPath, outDir, repoRoot } from './paths';
import { runProcess } from './processes';
import { checkVsixEntries, type ManifestFiles } from './vsixContents';
import { listZipEntries } from './zipEntries';

const vsceBin = path.join(repoRoot, 'node_modules', '.bin', 'vsce');

/**
 * Builds the production bundles (vsce runs the `vscode:prepublish` script) and writes
 * out/ideogram-vscode.vsix, then checks its contents.
 */
export async function packageExtension(): Promise<string> {
  await vscePackage(repoRoot, extensionVsixPath);
  verifyExtensionVsix(extensionVsixPath);
  return extensionVsixPath;
}

/** Packages any extension folder without its dependencies (everything is bundled). */
export async function vscePackage(extensionDir: string, outFile: string, extraArgs: string[] = []): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  // stdin is ignored: vsce asks y/N questions (missing repository…) that must not hang CI.
  await runProcess(`vsce package (${path.relative(repoRoot, extensionDir) || '.'})`, vsceBin,
    ['package', '--no-dependencies', '--allow-missing-repository', '--out', outFile, ...extraArgs],
    { cwd: extensionDir });
}

/** Fails when the packaged extension lacks a bundle or ships sources, tests, maps or node_modules. */
export function verifyExtensionVsix(vsixPath: string): void {
  if (!existsSync(vsixPath)) throw new RigError(`${vsixPath} not found: run \`npm run package\` first`);
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as ManifestFiles;
  // A declared l10n folder that does not exist yet only means "English only"; one that exists must ship.
  if (manifest.l10n && !existsSync(path.join(repoRoot, manifest.l10n))) delete manifest.l10n;
  const problems = checkVsixEntries(listZipEntries(vsixPath), manifest);
  if (problems.length > 0) {
    const shown = problems.slice(0, 15).concat(problems.length > 15 ? [`… and ${problems.length - 15} more`] : []);
    throw new RigError(`${path.relative(repoRoot, vsixPath)} has packaging problems (check .vscodeignore and package.json):\n  - ${shown.join('\n  - ')}`);
  }
}
