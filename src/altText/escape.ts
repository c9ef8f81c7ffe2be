// Escaping a description for the place it is written to. Descriptions are prose that may hold
// quotes, brackets, ampersands and line breaks; any of those written raw could end the alt text
// early or break the surrounding markup.

/** Collapses line breaks and runs of whitespace into single spaces: alt text is one line, and a blank line would end a Markdown paragraph. */
export function normaliseAltText(description: string): string {
  return description.replace(/\s+/g, ' ').trim();
}

// Inside the brackets of a Markdown image nothing can be escaped: markdown-it (VS Code's preview)
// drops backslash escapes and character references from alt text (`\[` and `&amp;` vanish), and
// code spans, emphasis, links and autolinks lose their markup. So alt text is written literally
// when none of that can happen, and as an <img> tag, which every Markdown renderer passes through,
// when it can.
const MARKDOWN_ALT_SYNTAX = /[\\`*_~[\]<$|{}]|&(?:#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]*);|[a-z][a-z0-9+.-]*:\/\/|mailto:/i;

/**
 * True when `text` can stand literally between `![` and `]`: it has no backslash, backtick,
 * emphasis or strikethrough marker, bracket, `<` (HTML, autolinks), character reference, `$` (math),
 * `|` (table cells), braces (MDX expressions) or URL that a linkifier would rewrite.
 */
export function isLiteralMarkdownAlt(text: string): boolean {
  return !MARKDOWN_ALT_SYNTAX.test(text);
}

/**
 * An `<img>` tag for a Markdown document, for alt text that cannot be written literally: raw HTML
 * is part of Markdown and keeps its alt text exactly, and self-closed it is valid MDX (JSX) too.
 * `url` must already be a URL (see {@link urlFromMarkdownDestination}); `|` becomes a character
 * reference because a table row is split at every `|`, even inside a tag.
 */
export function markdownImgTag(url: string, alt: string, title?: string): string {
  const attribute = (name: string, value: string) => ` ${name}="${escapeHtmlAttribute(value).replace(/\|/g, '&#124;')}"`;
  return `<img${attribute('src', url)}${attribute('alt', alt)}${title ? attribute('title', title) : ''} />`;
}

/** Percent-encodes one character as UTF-8 bytes (`é` → `%C3%A9`). */
export function percentEncode(character: string): string {
  return [...new TextEncoder().encode(character)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

/**
 * A Markdown link destination as the URL a renderer writes for it (markdown-it's normalizeLink):
 * spaces, quotes, non-ASCII and other characters not allowed in a URL are percent-encoded, and
 * existing `%XX` escapes are kept.
 */
export function urlFromMarkdownDestination(destination: string): string {
  return destination.replace(/%(?![0-9a-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=:@/?#%[\]]/giu, percentEncode);
}

/**
 * Escapes text for an HTML (or JSX string) attribute value quoted with `quote`. Braces and `@`
 * become character references too: inside a quoted attribute Svelte, Astro, Angular, Handlebars,
 * Jinja and Vue text read `{…}`/`{{…}}` and Razor and Blade read `@…` as code, while every one of
 * them passes a character reference through to the browser, which shows the character.
 */
export function escapeHtmlAttribute(text: string, quote: '"' | "'" = '"'): string {
  let out = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  out = out.replace(/\{/g, '&#123;').replace(/\}/g, '&#125;').replace(/@/g, '&#64;');
  // Only the quote that delimits the value must be escaped; the other one reads better raw.
  out = quote === '"' ? out.replace(/"/g, '&quot;') : out.replace(/'/g, '&#39;');
  return out;
}

/** Writes text as a JavaScript string literal, for a JSX `alt={…}` expression. */
export function jsStringLiteral(text: string): string {
  // JSON string syntax is a subset of JavaScript's (U+2028/9 are legal in JS strings since ES2019).
  return JSON.stringify(text);
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references that matter in attribute values (named basics and numeric). */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** Decodes a JavaScript string literal (quotes included); undefined when the text is not a plain literal (e.g. a template with `${}`). */
export function decodeJsStringLiteral(literal: string): string | undefined {
  const text = literal.trim();
  if (text.length < 2) return undefined;
  const quote = text[0];
  if ((quote !== '"' && quote !== "'" && quote !== '`') || text[text.length - 1] !== quote) return undefined;
  const body = text.slice(1, -1);
  if (quote === '`' && body.includes('${')) return undefined;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === quote) return undefined; // an unescaped quote: this is an expression, not one literal
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = body[++i];
    if (next === undefined) return undefined;
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };
    if (next in simple) out += simple[next];
    else if (next === 'u' || next === 'x') {
      const braced = next === 'u' && body[i + 1] === '{';
      const match = braced ? /^\{([0-9a-f]+)\}/i.exec(body.slice(i + 1)) : new RegExp(`^[0-9a-f]{${next === 'u' ? 4 : 2}}`, 'i').exec(body.slice(i + 1));
      if (!match) return undefined;
      out += String.fromCodePoint(parseInt(braced ? match[1] : match[0], 16));
      i += match[0].length;
    } else if (next === '\n') {
      // a line continuation adds nothing
    } else out += next;
  }
  return out;
}
