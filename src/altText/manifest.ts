// The images of a web app manifest (`icons[]`, `screenshots[]`, `shortcuts[].icons[]`) with the
// offsets of each, which JSON.parse does not give. A tolerant one-pass reader of JSON tokens: a
// manifest with a syntax error still yields the images before (and mostly after) the error, and
// no document makes it read a character twice.
import type { OffsetSpan } from './types';

/** One image object of a manifest. */
export interface ManifestImage {
  /** Which list it is in: `icons`, `screenshots` or `shortcuts.icons`. */
  member: string;
  /** The object `{…}`. */
  span: OffsetSpan;
  /** The `src` string, inside its quotes. */
  srcSpan: OffsetSpan;
  src: string;
  /** The object's other string members (`sizes`, `type`, `purpose`, `label`…). */
  members: Map<string, string>;
}

/** What the reader takes from a manifest. */
export interface ManifestContent {
  images: ManifestImage[];
  /** The app's `name`, else its `short_name`. */
  name?: string;
}

/** Object paths (keys and `[]` for array elements from the top) whose objects are images, and the list each is in. */
const IMAGE_LISTS: ReadonlyMap<string, string> = new Map([
  ['icons[]', 'icons'],
  ['screenshots[]', 'screenshots'],
  ['shortcuts[].icons[]', 'shortcuts.icons'],
]);
/** Deeper paths are never image lists: past this length a path is not built (a `[[[[…` document would make it quadratic). */
const MAX_PATH_LENGTH = 40;
const DEEP = '…';
/** Containers nested deeper than this are only counted, not kept (a `[[[[…` document would hold a frame per level). */
const MAX_FRAMES = 16;

interface Frame {
  kind: 'object' | 'array';
  /** Where the container is, from the top (`icons[]`), or DEEP. */
  path: string;
  start: number;
  /** Objects: the key whose value comes next; undefined while a key is expected. */
  key?: string;
  /** Objects on an image path or at the top: their string members and where each is written. */
  strings?: Map<string, { value: string; span: OffsetSpan }>;
}

const isJsonSpace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\ufeff';
const isDelimiter = (ch: string) => isJsonSpace(ch) || ',:[]{}"'.includes(ch);

/** Reads the images and the name of a manifest's text. */
export function readManifest(text: string): ManifestContent {
  const images: ManifestImage[] = [];
  const stack: Frame[] = [];
  let root: Frame | undefined;
  /** The path of a container that opens as the next value of `parent`. */
  const childPath = (parent: Frame | undefined): string => {
    if (!parent) return '';
    if (parent.path === DEEP) return DEEP;
    const path = parent.kind === 'array' ? `${parent.path}[]` : `${parent.path}${parent.path === '' ? '' : '.'}${parent.key ?? '?'}`;
    return path.length > MAX_PATH_LENGTH ? DEEP : path;
  };
  /** A value ended in the container on top: an object now expects its next key. */
  const valueDone = () => {
    const top = stack.at(-1);
    if (top?.kind === 'object') top.key = undefined;
  };
  let uncounted = 0; // containers open beyond MAX_FRAMES: their contents are never images
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (isJsonSpace(ch) || ch === ':' || ch === ',') {
      i++;
    } else if (uncounted > 0 && ch !== '"') {
      if (ch === '{' || ch === '[') uncounted++;
      else if (ch === '}' || ch === ']') uncounted--;
      i++;
      if (uncounted === 0) valueDone();
    } else if ((ch === '{' || ch === '[') && stack.length >= MAX_FRAMES) {
      uncounted++;
      i++;
    } else if (ch === '{' || ch === '[') {
      const parent = stack.at(-1);
      const path = childPath(parent);
      const frame: Frame = { kind: ch === '{' ? 'object' : 'array', path, start: i };
      if (frame.kind === 'object' && (path === '' || IMAGE_LISTS.has(path))) frame.strings = new Map();
      if (!parent && frame.kind === 'object') root ??= frame;
      stack.push(frame);
      i++;
    } else if (ch === '}' || ch === ']') {
      const frame = stack.pop();
      const member = frame ? IMAGE_LISTS.get(frame.path) : undefined;
      const src = frame?.strings?.get('src');
      if (frame && member !== undefined && src && src.value.trim() !== '') {
        const members = new Map<string, string>();
        for (const [key, { value }] of frame.strings ?? []) if (key !== 'src') members.set(key, value);
        images.push({ member, span: { start: frame.start, end: i + 1 }, srcSpan: src.span, src: src.value, members });
      }
      i++;
      valueDone();
    } else if (ch === '"') {
      const start = i + 1;
      i = start;
      while (i < text.length && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      const end = Math.min(i, text.length);
      i = end + 1;
      if (uncounted > 0) continue; // a string deep inside: skipped whole, so its brackets do not count
      const value = jsonString(text.slice(start - 1, end + 1));
      const top = stack.at(-1);
      if (top?.kind === 'object' && top.key === undefined) top.key = value ?? '';
      else {
        if (top?.kind === 'object' && top.strings && value !== undefined && top.key !== undefined && !top.strings.has(top.key)) {
          top.strings.set(top.key, { value, span: { start, end } });
        }
        valueDone();
      }
    } else {
      // A number, true/false/null, or junk: at least this character (every delimiter has its own branch above).
      i++;
      while (i < text.length && !isDelimiter(text[i])) i++;
      valueDone();
    }
  }
  const name = root?.strings?.get('name')?.value ?? root?.strings?.get('short_name')?.value;
  return { images, ...(name?.trim() ? { name: name.trim() } : {}) };
}

/** The value of a JSON string token (quotes included), or undefined when it is not a valid one. */
function jsonString(token: string): string | undefined {
  try {
    const value: unknown = JSON.parse(token);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
