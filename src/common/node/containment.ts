// Whether a path stays inside a folder: the one check behind "nothing outside the workspace is
// read, uploaded or written without the user choosing it" (the alt-text scan, the describe tool,
// the output folder, sidecar source paths). Links are resolved first, because a committed
// symbolic link (`assets/hero.png -> ../../private.png`) looks inside but is not. No `vscode`
// here, so the rules are unit-tested in plain Node; common/vscode/workspace.ts applies them to Uris.
// Splitting a workspace-relative path is browser-safe: common/workspacePath.ts.
import { readlink, realpath } from 'node:fs/promises';
import * as path from 'node:path';

// Links are followed at most this deep (the kernel's own limit is similar), so a cycle ends.
const MAX_LINK_DEPTH = 40;

/**
 * True when `target` is `folder` or lies below it. Both must be absolute and already resolved;
 * `api` is `path.posix` for Uri paths. Names are compared as `api.relative` does (ignoring case on
 * Windows only): a case that differs elsewhere counts as outside, the safe side.
 */
export function isPathInside(folder: string, target: string, api: path.PlatformPath = path): boolean {
  const relative = api.relative(folder, target);
  return relative === '' || (!api.isAbsolute(relative) && relative !== '..' && !relative.startsWith(`..${api.sep}`));
}

/**
 * The real path of `target`, every link resolved, also when its end does not exist yet (a folder
 * that will be created) or is a dangling link (followed to where it points, where the folder
 * would be created).
 */
export async function resolveRealPath(target: string, depth = 0): Promise<string> {
  try {
    return await realpath(target);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw err;
  }
  const parent = path.dirname(target);
  if (parent === target) return target;
  const here = path.join(await resolveRealPath(parent, depth), path.basename(target));
  let link: string;
  try {
    link = await readlink(here);
  } catch {
    return here; // missing (or below a file): nothing more to resolve
  }
  if (depth >= MAX_LINK_DEPTH) throw Object.assign(new Error(`Too many levels of symbolic links: ${target}`), { code: 'ELOOP' });
  return resolveRealPath(path.resolve(path.dirname(here), link), depth + 1);
}

/** Whether `target` really lies inside `folder` once links are resolved on both sides, and its real path. */
export async function realPathInside(folder: string, target: string): Promise<{ inside: boolean; realPath: string }> {
  const [realFolder, realPath] = await Promise.all([resolveRealPath(folder), resolveRealPath(target)]);
  return { inside: isPathInside(realFolder, realPath), realPath };
}
