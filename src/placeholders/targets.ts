// Where the file a reference names would be, the way the site's server and bundler read it:
// relative paths against the document's folder; root-relative ones (`/og.png`) against the public
// folders (tried in order) and then the workspace folder. Nothing outside the workspace folder.
import { posix } from 'node:path';
import { referencePathname, type ImageSite } from '../altText';
import { formatForFileName, type ImageFormat } from '../imageOps/formats';
import type { IgnoreReason, PlaceholderDocument } from './types';

/** One place the file may be. */
export interface TargetCandidate {
  /** Absolute POSIX path of the file. */
  path: string;
  /** The folder that must exist for the file to be made here (a public folder); undefined: the file can always be made here. */
  root?: string;
}

/** Where a reference's file may be, best first, and its format; or why it gets no placeholder. */
export type TargetLocation =
  | { candidates: TargetCandidate[]; format: ImageFormat; fileName: string }
  | { ignored: IgnoreReason };

// `{hero}`, `${x}`, `{{ img }}`, `{% static %}`, `#{$base}`, `<?= $x ?>`, `<%= x %>`, Razor's `@Model.x`.
const TEMPLATE_EXPRESSION = /[{}<>]|^@[A-Za-z(]/;
// Bundler aliases: `@/assets/x.png`, `~/x.png`, `~x.png` (webpack's module prefix), `#/x.png` (subpath imports).
const ALIAS = /^(?:[@#~]\/|~)/;
// `C:/…` (backslashes are already slashes) and `//server/share/…`.
const ABSOLUTE_FILE_PATH = /^(?:[a-z]:\/|\/\/)/i;

/** True when `path` is strictly inside `folder` (both absolute POSIX paths, normalised). */
export function isInside(folder: string, path: string): boolean {
  const relative = posix.relative(folder, path);
  return relative !== '' && relative !== '..' && !relative.startsWith('../') && !posix.isAbsolute(relative);
}

/** The public folders as absolute paths inside the workspace folder (entries that are absolute or leave it are dropped). */
export function publicRoots(workspaceFolderPath: string, publicFolders: readonly string[]): string[] {
  return publicFolders
    .map((folder) => folder.trim().replace(/\\/g, '/'))
    .filter((folder) => folder !== '' && !folder.startsWith('/') && !ABSOLUTE_FILE_PATH.test(folder))
    .map((folder) => posix.join(workspaceFolderPath, folder))
    .filter((root) => isInside(workspaceFolderPath, root));
}

/**
 * Where the file of `site` may be. Undefined when it is not a raster image we make (not PNG,
 * JPEG, WebP or AVIF, or naming no file): such references are simply not ours.
 */
export function locateTarget(site: ImageSite, document: PlaceholderDocument, publicFolders: readonly string[]): TargetLocation | undefined {
  const src = site.src.trim();
  const pathname = referencePathname(src);
  const format = pathname === undefined ? undefined : formatForFileName(pathname);
  // Before the path is read as a URL: the `?` of `<?= $x ?>.png` is no query string.
  if (TEMPLATE_EXPRESSION.test(src)) return format || formatForFileName(src) ? { ignored: 'template-expression' } : undefined;
  if (pathname === undefined || format === undefined) return undefined;
  const fileName = pathname.slice(pathname.lastIndexOf('/') + 1);
  if (ALIAS.test(src)) return { ignored: 'alias' };
  if (ABSOLUTE_FILE_PATH.test(pathname)) return { ignored: 'absolute-path' };
  const workspace = document.workspaceFolderPath;
  if (workspace === undefined) return { ignored: 'no-workspace-folder' };
  let candidates: TargetCandidate[];
  if (pathname.startsWith('/')) {
    const fromRoot = posix.normalize(pathname); // a browser never goes above the site's root: `/../og.png` is `/og.png`
    candidates = [
      ...publicRoots(workspace, publicFolders).map((root) => ({ path: posix.join(root, fromRoot), root })),
      { path: posix.join(workspace, fromRoot) },
    ].filter((candidate) => isInside(workspace, candidate.path));
  } else {
    // Relative to the document, as the scanner resolved it.
    const path = site.resolvedPath;
    candidates = path !== undefined && isInside(workspace, path) ? [{ path }] : [];
  }
  return candidates.length > 0 ? { candidates, format, fileName } : { ignored: 'outside-workspace' };
}
