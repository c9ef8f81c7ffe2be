// Which documents the scanner reads, in one table: language ids, file extensions, and whether the
// alt-text feature reads them (it was built for the first four; Svelte, CSS and manifests are read
// by the placeholders feature).
import type { ReferenceSyntax } from './types';

interface SyntaxFacts {
  languageIds: readonly string[];
  extensions: readonly string[];
  /** Whole file names that have this syntax whatever their extension says. */
  fileNames?: readonly string[];
  /** Read by the alt-text feature (syntaxForLanguageId, syntaxForFileName). */
  altText: boolean;
}

const SYNTAXES: Readonly<Record<ReferenceSyntax, SyntaxFacts>> = {
  markdown: { languageIds: ['markdown'], extensions: ['md', 'markdown'], altText: true },
  html: { languageIds: ['html'], extensions: ['html', 'htm'], altText: true },
  jsx: { languageIds: ['javascriptreact', 'typescriptreact'], extensions: ['jsx', 'tsx'], altText: true },
  vue: { languageIds: ['vue'], extensions: ['vue'], altText: true },
  svelte: { languageIds: ['svelte'], extensions: ['svelte'], altText: false },
  css: { languageIds: ['css', 'scss', 'less', 'sass'], extensions: ['css', 'scss', 'less', 'sass'], altText: false },
  // VS Code opens manifests as JSON: they are known by name, never by language id.
  webmanifest: { languageIds: [], extensions: ['webmanifest'], fileNames: ['manifest.json'], altText: false },
};

const ALL = Object.keys(SYNTAXES) as ReferenceSyntax[];
const ALT_TEXT = ALL.filter((syntax) => SYNTAXES[syntax].altText);

const byLanguageId = (languageId: string, among: readonly ReferenceSyntax[]) => among.find((syntax) => SYNTAXES[syntax].languageIds.includes(languageId));

/** The last segment of a path (POSIX or Windows), lower-cased. */
const baseName = (fileName: string) => fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1).toLowerCase();

const byWholeName = (fileName: string, among: readonly ReferenceSyntax[]) => among.find((syntax) => SYNTAXES[syntax].fileNames?.includes(baseName(fileName)));

function byFileName(fileName: string, among: readonly ReferenceSyntax[]): ReferenceSyntax | undefined {
  const named = byWholeName(fileName, among);
  if (named) return named;
  const base = baseName(fileName);
  const match = /\.([a-z0-9]+)$/.exec(base);
  return match ? among.find((syntax) => SYNTAXES[syntax].extensions.includes(match[1])) : undefined;
}

/** The alt-text syntax for a VS Code language id, or undefined when the alt-text feature does not read it. */
export function syntaxForLanguageId(languageId: string): ReferenceSyntax | undefined {
  return byLanguageId(languageId, ALT_TEXT);
}

/** The alt-text syntax for a file name by its extension, or undefined. */
export function syntaxForFileName(fileName: string): ReferenceSyntax | undefined {
  return byFileName(fileName, ALT_TEXT);
}

/** The syntax of any document the scanner reads (see scanDocument): by file name first (a manifest is JSON to VS Code), then language id, then extension. */
export function scanSyntaxFor(fileName: string, languageId?: string): ReferenceSyntax | undefined {
  return byWholeName(fileName, ALL) ?? (languageId === undefined ? undefined : byLanguageId(languageId, ALL)) ?? byFileName(fileName, ALL);
}

/** A glob (for workspace.findFiles) of every file scanSyntaxFor recognises by its name. */
export function scanFileGlob(): string {
  const patterns = ALL.flatMap((syntax) => [...SYNTAXES[syntax].extensions.map((ext) => `*.${ext}`), ...(SYNTAXES[syntax].fileNames ?? [])]);
  return `**/{${patterns.join(',')}}`;
}
