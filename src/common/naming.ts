// File names for saved images. Pure (no vscode) so the rules are unit-tested in plain Node.
// Names must be valid on Windows, macOS and Linux alike, because the workspace may live on any
// of them (Remote-SSH, WSL) and is often shared through git.

/** Values a file-name template can refer to as `${name}`. */
export interface NameVariables {
  prompt: string;
  seed?: number;
  model?: string;
  operation: string;
  /** 1-based position of the image in its result. */
  index: number;
  date: Date;
  /** The input image of a remix or upscale (a path or a file name): its name leads the result's. */
  sourceImage?: string;
}

/**
 * The template used when the setting is empty or unusable. The prompt's words lead, so names a
 * person can tell apart survive the truncation of the explorer and pickers (date-first names all
 * looked alike there); the seed tells results of one prompt apart, the sidecar keeps the date.
 */
export const DEFAULT_FILE_NAME_TEMPLATE = '${slug}-${seed}';

/**
 * The default names of results made from a source image: they keep the source's name, so
 * `sunset.png` upscales to `sunset-upscaled.png` and remixes to `sunset-remix-1.png`, and the
 * explorer sorts them beside it. A template the user set applies to these too (`${source}` is there).
 */
const DERIVED_FILE_NAME_TEMPLATES: Partial<Record<string, string>> = {
  upscale: '${source}-upscaled',
  remix: '${source}-remix-${index}',
};

const MAX_SLUG_LENGTH = 48;
// In UTF-8 bytes: Linux and macOS limit a name to 255 bytes (a CJK character takes 3), and the
// temporary `.<name>.part-<hex>` and the counter need room beside it.
const MAX_NAME_BYTES = 120;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

// TextEncoder rather than Buffer: this module is browser-safe (src/common).
const utf8 = new TextEncoder();
const utf8Length = (text: string): number => utf8.encode(text).byteLength;

/** Lower-case words of the prompt joined by '-': Unicode letters and digits only, at most 48 characters. */
export function slugify(text: string, maxLength = MAX_SLUG_LENGTH): string {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    // Apostrophes join words ("don't" -> "dont") rather than splitting them.
    .replace(/['’]/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) {
      // Keep whole words; cut a single overlong first word instead of returning nothing.
      if (!slug) slug = [...word].slice(0, maxLength).join('');
      break;
    }
    slug = next;
  }
  return slug;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Local date as YYYY-MM-DD. */
export function formatDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Local time as HHMMSS (no ':' — it is not allowed in Windows file names). */
export function formatTime(date: Date): string {
  return `${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

/** Makes any string a safe single file-name component (no separators, no reserved characters or names). */
export function sanitizeFileName(name: string): string {
  let safe = name
    .normalize('NFKC')
    // Reserved on Windows or path separators anywhere; control characters are never wanted.
    // eslint-disable-next-line no-control-regex
    .replace(/[<>:"/\\|?*\u0000-\u001f\u007f]+/gu, '-')
    .replace(/\s+/gu, '-')
    .replace(/-{2,}/gu, '-')
    .replace(/^[-.]+|[-. ]+$/gu, '');
  if (utf8Length(safe) > MAX_NAME_BYTES) safe = truncateUtf8(safe, MAX_NAME_BYTES).replace(/[-.]+$/u, '');
  if (WINDOWS_RESERVED.test(safe)) safe = `${safe}-image`;
  return safe || 'image';
}

// Whole code points only, so no character is cut in half.
function truncateUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let out = '';
  for (const char of text) {
    bytes += utf8Length(char);
    if (bytes > maxBytes) break;
    out += char;
  }
  return out;
}

/** A path's or file name's last segment without its extension (`images/sunset.png` → `sunset`). */
function fileStem(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** The template for one result: the default one of its operation when the user kept the default. */
function templateFor(template: string, vars: NameVariables): string {
  const chosen = template.trim();
  const derived = vars.sourceImage ? DERIVED_FILE_NAME_TEMPLATES[vars.operation] : undefined;
  if (derived && (!chosen || chosen === DEFAULT_FILE_NAME_TEMPLATE)) return derived;
  return chosen || DEFAULT_FILE_NAME_TEMPLATE;
}

/**
 * Expands `${date}`, `${time}`, `${slug}`, `${seed}`, `${model}`, `${operation}`, `${index}`,
 * `${source}` in the template and returns a safe base name (no extension). Unknown variables
 * expand to nothing. A remix or upscale with the default template keeps its source's name.
 */
export function expandFileNameTemplate(template: string, vars: NameVariables): string {
  const values: Record<string, string> = {
    date: formatDate(vars.date),
    time: formatTime(vars.date),
    slug: slugify(vars.prompt) || vars.operation,
    seed: vars.seed === undefined ? '' : String(vars.seed),
    model: (vars.model ?? '').toLowerCase(),
    operation: vars.operation,
    index: String(vars.index),
    source: vars.sourceImage ? fileStem(vars.sourceImage) : '',
  };
  const expanded = templateFor(template, vars).replace(/\$\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
  return sanitizeFileName(expanded);
}

/** The n-th candidate for a base name: n = 0 is the name itself, then `name-1`, `name-2`, … */
export function candidateName(baseName: string, attempt: number): string {
  return attempt === 0 ? baseName : `${baseName}-${attempt}`;
}
