// Workspace-relative paths as settings, sidecars and tool inputs write them: split into segments
// that can never climb out of the folder. Browser-safe (no Node path module): both '/' and '\' split.

/**
 * Splits a workspace-relative path into its segments, taking `\` as a separator too (a Windows
 * path can reach any platform through a sidecar or a setting). Undefined for anything that is not
 * relative or climbs out: an absolute path, a drive (`C:`), a URL scheme, `~`, or a `..` segment.
 * `.` and empty segments are dropped, so '' and '.' give [] (the folder itself).
 */
export function workspaceRelativeSegments(text: string): string[] | undefined {
  const trimmed = text.trim();
  if (/^([a-z][a-z0-9+.-]*:|[\\/~])/i.test(trimmed)) return undefined;
  const segments = trimmed.split(/[\\/]+/).filter((segment) => segment !== '' && segment !== '.');
  return segments.includes('..') ? undefined : segments;
}
