// Turning the path written in a reference into the image's location. Pure POSIX path maths, so
// it works the same for file:, vscode-remote: and other URI paths (`vscode.Uri.path` is POSIX).
import { posix } from 'node:path';
import type { ScanContext } from './types';

/** True for references that are not local files: any URL scheme (http:, https:, data:, …) or a protocol-relative `//host/…`. */
export function isRemoteReference(src: string): boolean {
  const trimmed = src.trim();
  // One-letter "schemes" are Windows drive letters (C:/x.png), which are local.
  return /^[a-z][a-z0-9+.-]+:/i.test(trimmed) || trimmed.startsWith('//');
}

/**
 * The file path a local reference names, as a browser reads it: query string and fragment dropped,
 * backslashes turned into slashes, percent-escapes decoded. Undefined when it names no file
 * (empty, remote, or only a query or fragment).
 */
export function referencePathname(src: string): string | undefined {
  let path = src.trim();
  if (path === '' || isRemoteReference(path)) return undefined;
  path = path.replace(/[?#].*$/s, '').replace(/\\/g, '/');
  if (path === '') return undefined;
  try {
    path = decodeURIComponent(path);
  } catch {
    // A lone '%' is a literal percent sign in a file name; keep the text as written.
  }
  return path;
}

/**
 * The absolute POSIX path of a local reference: relative to the document's folder, or to the
 * workspace folder when it starts with `/`. Query strings and fragments are dropped and
 * percent-escapes decoded, as a browser or Markdown preview would. Undefined when it cannot be
 * resolved (remote, empty, or a leading `/` without a workspace folder).
 */
export function resolveReferencePath(src: string, context: ScanContext): string | undefined {
  const path = referencePathname(src);
  if (path === undefined) return undefined;
  if (path.startsWith('/')) {
    if (context.workspaceFolderPath === undefined) return undefined;
    return posix.join(context.workspaceFolderPath, path);
  }
  return posix.join(posix.dirname(context.documentPath), path);
}
