// "Write this description as the alt text of that image": choosing which references of one image
// in a document get it, for Describe Image and the Studio.
import { altTextEdit } from './edits';
import { findImageReferences } from './scan';
import type { AltTextEdit, ImageReference, ReferenceSyntax, ScanContext } from './types';

/** Which references to write and the edits that write them. */
export interface AltTextPlan {
  references: ImageReference[];
  edits: AltTextEdit[];
  /** True when an existing non-empty alt text would be replaced (callers ask first). */
  replacesExisting: boolean;
}

/** Options of {@link planAltTextForImage}. */
export interface AltTextPlanOptions {
  /** The caret offset: a reference under it is the one the user means. */
  cursorOffset?: number;
  /** Compare paths ignoring case (Windows and macOS file systems). */
  ignoreCase?: boolean;
}

/**
 * Plans writing `description` as alt text for the image at `imagePath` (absolute POSIX path) in
 * one document: the reference under the cursor if there is one, else every reference of that image
 * with missing or empty alt, else every reference with a literal alt (replacing it).
 */
export function planAltTextForImage(
  text: string,
  syntax: ReferenceSyntax,
  context: ScanContext,
  imagePath: string,
  description: string,
  options: AltTextPlanOptions = {},
): AltTextPlan {
  const same = (path: string | undefined) =>
    path !== undefined && (options.ignoreCase ? path.toLowerCase() === imagePath.toLowerCase() : path === imagePath);
  // A bound alt (`:alt`, `alt={t('…')}`) is the author's code: never overwritten.
  const candidates = findImageReferences(text, syntax, context).filter((ref) => same(ref.resolvedPath) && ref.altState !== 'dynamic');
  const cursor = options.cursorOffset;
  const underCursor = cursor === undefined ? undefined : candidates.find((ref) => ref.span.start <= cursor && cursor <= ref.span.end);
  let chosen: ImageReference[];
  if (underCursor) chosen = [underCursor];
  else {
    const lacking = candidates.filter((ref) => ref.altState === 'missing' || ref.altState === 'empty');
    chosen = lacking.length > 0 ? lacking : candidates.filter((ref) => ref.altState === 'present');
  }
  const edits = chosen.map((ref) => altTextEdit(text, ref, description)).filter((edit): edit is AltTextEdit => edit !== undefined);
  return {
    references: edits.length > 0 ? chosen : [],
    edits,
    replacesExisting: edits.length > 0 && chosen.some((ref) => ref.altState === 'present'),
  };
}
