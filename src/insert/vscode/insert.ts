// "Insert into editor": a reference to a saved image, relative to the document being edited, in
// the document's own syntax (Markdown, HTML, JSX, CSS, or a plain path).
import * as vscode from 'vscode';
import { normaliseAltText } from '../../altText/escape';
import { readSettings } from '../../common/vscode/config';
import { formatImageReference, referenceFormatFor, relativeImagePath } from '../reference';
import { placeReferences, type InsertionSurroundings } from '../placement';
import { readImageSize, type ImageSize } from '../../common/imageSize';

const MAX_ALT_LENGTH = 160;

/** Shortens alt text to a sentence-sized label (screen readers read all of it). */
export function shortAlt(text: string): string {
  const oneLine = normaliseAltText(text);
  if (oneLine.length <= MAX_ALT_LENGTH) return oneLine;
  const cut = oneLine.slice(0, MAX_ALT_LENGTH);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_ALT_LENGTH / 2)).trim()}…`;
}

/** The path to write for `image` in `document`: relative to the document when both are files, else workspace-relative. */
export function referencePathFor(document: vscode.TextDocument, image: vscode.Uri): string {
  if (document.isUntitled || document.uri.scheme !== image.scheme || document.uri.authority !== image.authority) {
    return vscode.workspace.asRelativePath(image, false);
  }
  return relativeImagePath(document.uri.path, image.path);
}

/** Builds the reference text for `image` as it would be inserted into `document`. */
export async function imageReferenceFor(document: vscode.TextDocument, image: vscode.Uri, alt: string, size?: ImageSize): Promise<string> {
  const knownSize = size ?? readImageSize(await vscode.workspace.fs.readFile(image));
  const settings = readSettings(document.uri);
  return formatImageReference(document.languageId, referencePathFor(document, image), shortAlt(alt), knownSize, settings.insertFormat);
}

/**
 * Inserts references to the images at each cursor of `editor` (default: the active text editor),
 * on their own line or between spaces (never glued to the text around them); returns the text
 * inserted at the first cursor, or undefined without an editor.
 */
export async function insertImageReferences(
  images: readonly { uri: vscode.Uri; alt: string; size?: ImageSize }[],
  editor: vscode.TextEditor | undefined = vscode.window.activeTextEditor,
): Promise<string | undefined> {
  if (!editor || images.length === 0) return undefined;
  const document = editor.document;
  const place = await referencePlacer(document, images);
  const placed = editor.selections.map((selection) => ({ selection, text: place(selection) }));
  const ok = await editor.edit((edit) => {
    for (const { selection, text } of placed) edit.replace(selection, text);
  });
  return ok ? placed[0]?.text : undefined;
}

/**
 * The references to `images` in `document`'s syntax, and a function that places them in (or at)
 * a range: on their own line or between spaces, as {@link placeReferences} decides.
 */
export async function referencePlacer(
  document: vscode.TextDocument,
  images: readonly { uri: vscode.Uri; alt: string; size?: ImageSize }[],
): Promise<(range: vscode.Range) => string> {
  const parts = await Promise.all(images.map((i) => imageReferenceFor(document, i.uri, i.alt, i.size)));
  const format = referenceFormatFor(document.languageId, readSettings(document.uri).insertFormat);
  return (range) => placeReferences(parts, format, surroundings(document, range));
}

/** The text around `selection` that decides how a reference is placed. */
function surroundings(document: vscode.TextDocument, selection: vscode.Range): InsertionSurroundings {
  const start = document.lineAt(selection.start.line).text;
  const end = document.lineAt(selection.end.line).text;
  const next = selection.end.line + 1 < document.lineCount ? document.lineAt(selection.end.line + 1).text : undefined;
  return {
    before: start.slice(0, selection.start.character),
    after: end.slice(selection.end.character),
    nextLine: next,
    eol: document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n',
  };
}

/** Inserts plain text (a description) at the cursor; returns false without an editor. */
export async function insertText(text: string, editor: vscode.TextEditor | undefined = vscode.window.activeTextEditor): Promise<boolean> {
  if (!editor) return false;
  return editor.edit((edit) => {
    for (const selection of editor.selections) edit.replace(selection, text);
  });
}
