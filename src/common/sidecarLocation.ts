// Where a result's sidecar lives. Today the sidecar `<stem>.json` sits beside its image
// `<stem>.<ext>`; the daily-flows issue adds a layout where it sits in the output folder's
// `.ideogram/` subfolder, so the explorer is not doubled; a placeholder's sidecar sits in that
// subfolder named after its whole file name. Images always sit in the folder itself (the output
// folder, or the folder a placeholder was referenced in). This module is the one place that knows
// the layouts: every reader and writer derives paths from it. Paths here are relative to the output folder and '/'-separated, so the same rule
// serves Node paths (join the segments) and vscode.Uri (Uri.joinPath with the segments).

/** How sidecars are placed: beside each image, or in the output folder's `.ideogram/` subfolder. */
export type SidecarLayout = 'beside' | 'subfolder';

/** Name of the subfolder of the output folder that holds sidecars in the 'subfolder' layout. */
export const SIDECAR_FOLDER = '.ideogram';

const SIDECAR_SUFFIX = '.json';

/** `foo.png` → `foo`; a name without an extension (or a dot file) is its own stem. */
function stemOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}

/** The last segment of a '/' or '\' separated path. */
function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}

/** Where the sidecar of the image `imageName` (a file of the output folder) lives, relative to the output folder. */
export function sidecarPathFor(imageName: string, layout: SidecarLayout): string {
  return sidecarPathForStem(stemOf(baseName(imageName)), layout);
}

/** The same for an image not named yet: `stem` is its name without the extension (a storage claiming a name). */
export function sidecarPathForStem(stem: string, layout: SidecarLayout): string {
  const name = `${stem}${SIDECAR_SUFFIX}`;
  return layout === 'subfolder' ? `${SIDECAR_FOLDER}/${name}` : name;
}

/**
 * Where the sidecar of an image whose name someone else chose (a placeholder at the path a page
 * references) lives: in `.ideogram/`, named after the whole file name, because one `<picture>`
 * references `hero.webp` and `hero.avif` side by side and each needs its own sidecar.
 */
export function sidecarPathForNamedFile(imageName: string): string {
  return `${SIDECAR_FOLDER}/${baseName(imageName)}${SIDECAR_SUFFIX}`;
}

/** Every path where one of the rules above puts the sidecar of `imageName`, relative to its folder. */
export function sidecarPathsOf(imageName: string): string[] {
  return [sidecarPathFor(imageName, 'beside'), sidecarPathFor(imageName, 'subfolder'), sidecarPathForNamedFile(imageName)];
}

/** Whether a file name of the output folder's listing is a sidecar of the 'beside' layout (dot files never are). */
export function isSidecarName(name: string): boolean {
  const kind = classifyResultPath(name);
  return kind.kind === 'sidecar';
}

/**
 * The image a sidecar describes, relative to the output folder: the file named by the sidecar's
 * `file` field, in the output folder whatever the layout (only its last segment counts, so a
 * sidecar cannot point outside the folder).
 */
export function imagePathForSidecar(fileField: string): string {
  return baseName(fileField);
}

/** Whether `sidecarPath` is where one of the layouts puts the sidecar of `imageName` (false for a renamed or copied sidecar). */
export function isSidecarPathOf(sidecarPath: string, imageName: string): boolean {
  return sidecarPathsOf(imageName).includes(sidecarPath);
}

/** What a path relative to the output folder is to the gallery. */
export type ResultPath =
  | { kind: 'sidecar'; layout: SidecarLayout }
  /** A file of the output folder that a sidecar may name as its image. */
  | { kind: 'file' }
  /** The `.ideogram/` subfolder itself. */
  | { kind: 'sidecarFolder' }
  /** The output folder itself. */
  | { kind: 'root' }
  /** Anything else: dot files (such as the temporary `.name.json.part-…` of an atomic write), deeper paths. */
  | { kind: 'other' };

const visible = (name: string): boolean => name !== '' && !name.startsWith('.');

/** Classifies a '/'-separated path relative to the output folder. */
export function classifyResultPath(relativePath: string): ResultPath {
  if (relativePath === '') return { kind: 'root' };
  const parts = relativePath.split('/');
  if (parts.length === 1) {
    const [name] = parts;
    if (name === SIDECAR_FOLDER) return { kind: 'sidecarFolder' };
    if (!visible(name)) return { kind: 'other' };
    return name.endsWith(SIDECAR_SUFFIX) ? { kind: 'sidecar', layout: 'beside' } : { kind: 'file' };
  }
  if (parts.length === 2 && parts[0] === SIDECAR_FOLDER && visible(parts[1]) && parts[1].endsWith(SIDECAR_SUFFIX)) {
    return { kind: 'sidecar', layout: 'subfolder' };
  }
  return { kind: 'other' };
}
