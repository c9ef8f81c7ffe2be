// The plan: one item per missing file, with every reference to it, the prompt, size, format and
// kind to make it with, and the shape to generate it at. Existence is asked through the injected
// `exists` once per path (the adapter answers with workspace.fs), so this stays pure.
import { posix } from 'node:path';
import { PLACEHOLDER_DEFAULTS } from './defaults';
import { findRasterReferences, type RasterReference } from './gaps';
import { nearestGenerationShape } from './generationShape';
import { strongestKind, wantsAlpha } from './kind';
import { chooseSubject, composePrompt } from './prompt';
import { sizeRank } from './size';
import type { IgnoredReference, PlaceholderDocument, PlaceholderItem, PlaceholderOptions, PlaceholderPlan, PlaceholderReference, SizeDerivation } from './types';

/** Existence checks in flight at once (a workspace may reference thousands of files). */
const EXISTS_CONCURRENCY = 32;

/**
 * Plans a placeholder for every missing local raster image the documents reference: one item per
 * file (however many references, in however many documents), sorted by target path. References to
 * files that exist, remote URLs and non-raster images are left out; references that cannot get a
 * placeholder are listed in `ignored` with the reason. Rejects only when `exists` does.
 */
export async function planPlaceholders(documents: readonly PlaceholderDocument[], options: PlaceholderOptions): Promise<PlaceholderPlan> {
  if (options.generationShapes.length === 0) throw new Error('planPlaceholders needs the generation shapes of a model');
  const defaultSize = options.defaultSize ?? PLACEHOLDER_DEFAULTS.defaultSize;
  const publicFolders = options.publicFolders ?? PLACEHOLDER_DEFAULTS.publicFolders;
  const references: RasterReference[] = [];
  const ignored: IgnoredReference[] = [];
  for (const document of documents) {
    const found = findRasterReferences(document, { publicFolders, defaultSize });
    references.push(...found.references);
    ignored.push(...found.ignored);
  }

  const asked = new Set<string>();
  for (const reference of references) {
    for (const candidate of reference.candidates) {
      asked.add(candidate.path);
      if (candidate.root) asked.add(candidate.root);
    }
  }
  const existing = await existingPaths(asked, options.exists);
  const groups = new Map<string, { targetPath: string; references: RasterReference[] }>();
  for (const reference of references) {
    if (reference.candidates.some((candidate) => existing.has(candidate.path))) continue;
    // Made where the first candidate's folder exists (a public folder), else in the workspace folder.
    const target = reference.candidates.find((candidate) => candidate.root === undefined || existing.has(candidate.root)) ?? reference.candidates[reference.candidates.length - 1];
    const key = options.ignoreCase ? target.path.toLowerCase() : target.path;
    const group = groups.get(key) ?? { targetPath: target.path, references: [] };
    group.references.push(reference);
    groups.set(key, group);
  }
  const items = [...groups.values()].map((group) => planItem(group.targetPath, group.references, options));
  items.sort((a, b) => compare(a.targetPath, b.targetPath));
  return { items, ignored };
}

/** The paths among `paths` that exist, asking `exists` once per path, EXISTS_CONCURRENCY at a time. */
async function existingPaths(paths: ReadonlySet<string>, exists: PlaceholderOptions['exists']): Promise<Set<string>> {
  const distinct = [...paths];
  const found = new Set<string>();
  let next = 0;
  const worker = async () => {
    while (next < distinct.length) {
      const path = distinct[next++];
      if (await exists(path)) found.add(path);
    }
  };
  await Promise.all(Array.from({ length: Math.min(EXISTS_CONCURRENCY, distinct.length) }, worker));
  return found;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The item for one missing file from all its references. */
function planItem(targetPath: string, found: RasterReference[], options: PlaceholderOptions): PlaceholderItem {
  const ordered = [...found].sort((a, b) => compare(a.document.path, b.document.path) || a.site.srcSpan.start - b.site.srcSpan.start);
  const workspaceFolderPath = ordered[0].document.workspaceFolderPath ?? '/';
  const format = ordered[0].format;
  const kind = strongestKind(ordered.map((reference) => reference.kind));
  const alpha = wantsAlpha(kind, format, options.transparentAvailable ?? false);
  const references: PlaceholderReference[] = ordered.map(({ document, site, size }) => ({
    document: document.path,
    syntax: site.syntax,
    element: site.element,
    src: site.src,
    text: document.text.slice(site.srcSpan.start, site.srcSpan.end),
    range: site.srcRange,
    span: site.srcSpan,
    referenceRange: site.range,
    size,
  }));
  const { size, conflicts } = chooseSize(ordered.map((reference) => reference.size));
  return {
    target: posix.relative(workspaceFolderPath, targetPath),
    targetPath,
    workspaceFolderPath,
    exists: false,
    references,
    prompt: composePrompt(kind, alpha, chooseSubject(kind, ordered.map((reference) => reference.subjects)), options.style),
    size,
    sizeConflicts: conflicts,
    format,
    kind,
    alpha,
    generation: nearestGenerationShape(size, options.generationShapes),
  };
}

/**
 * The size to make from the sizes the references ask for: the most telling source, then the
 * largest (a smaller copy is one resize away; a larger one would be enlarged). When they ask for
 * different sizes (the default never disagrees), every size is listed with its references.
 */
export function chooseSize(sizes: readonly SizeDerivation[]): { size: SizeDerivation & { reference: number }; conflicts: (SizeDerivation & { references: number[] })[] } {
  let best = 0;
  for (let i = 1; i < sizes.length; i++) {
    const rank = sizeRank(sizes[i].source) - sizeRank(sizes[best].source);
    if (rank < 0 || (rank === 0 && sizes[i].width * sizes[i].height > sizes[best].width * sizes[best].height)) best = i;
  }
  const distinct: (SizeDerivation & { references: number[] })[] = [];
  sizes.forEach((size, index) => {
    if (size.source === 'default') return;
    const same = distinct.find((other) => other.width === size.width && other.height === size.height);
    if (same) same.references.push(index);
    else distinct.push({ ...size, references: [index] });
  });
  return { size: { ...sizes[best], reference: best }, conflicts: distinct.length > 1 ? distinct : [] };
}
