// Placeholders for missing images (issue 15), the pure core: find every reference to a local
// raster image that does not exist, and plan what to make for it. No `vscode` here; the adapters
// (diagnostics, Quick Fix, the command, the review, batch generation) live in ./vscode.
//
// Usage (the adapter):
//   const syntax = scanSyntaxFor(uri.path, document.languageId);            // from '../altText'; files: scanFileGlob()
//   const plan = await planPlaceholders([{ path: uri.path, text, syntax, workspaceFolderPath }], {
//     exists: (path) => stat(uri.with({ path })).then(() => true, () => false),
//     generationShapes: generationShapes(ASPECT_RATIOS),                    // or 3.0's list with its kind
//     publicFolders, defaultSize, style, transparentAvailable, ignoreCase,   // from the settings
//   });
//   for (const item of plan.items) …  // item.references[i].range: where each diagnostic goes
// Then per item: generate at item.generation.shape, fitExactly(bytes, { ...item.size, format: item.format }),
// and write item.targetPath if nothing appeared there meanwhile.
export * from './types';
export { PLACEHOLDER_DEFAULTS } from './defaults';
export { planPlaceholders, chooseSize } from './plan';
export { findRasterReferences, type RasterReference, type RasterReferenceOptions } from './gaps';
export { generationShapes, nearestGenerationShape, shapeFit } from './generationShape';
export { deriveSize, fileNameSize, parseDimension, parseSizes, sizeInFileName, densityInFileName, type FileNameSize } from './size';
export { fileNameWords, surroundingText, ReferenceSubjects, chooseSubject, composePrompt, type SubjectLookup } from './prompt';
export { kindInName, kindSignal, strongestKind, wantsAlpha, type KindSignal } from './kind';
export { locateTarget, isInside, publicRoots, type TargetCandidate, type TargetLocation } from './targets';
export { placeholderDraft, placeholderRecord, type PlaceholderRecord } from './request';
