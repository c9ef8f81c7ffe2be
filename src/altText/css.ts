// CSS `url(…)` references (in stylesheets, `<style>` elements, `style` attributes and CSS-in-JS
// strings), read as CSS's tokenizer reads them: a quoted URL is a string that cannot cross a line
// break; an unquoted one ends at `)` and cannot hold whitespace, quotes or `(`. Reading resumes
// where the last one stopped, so each character is read a bounded number of times.
import type { OffsetSpan } from './types';

/** One `url(…)`: the whole of it, where its URL is written (inside any quotes), and the URL unescaped. */
export interface CssUrl {
  span: OffsetSpan;
  srcSpan: OffsetSpan;
  src: string;
}

const isCssSpace = (ch: string | undefined) => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f';

/** Removes CSS escapes: `\29` (hex, with one optional space after) and `\)` (any other character). */
function unescapeCss(text: string): string {
  return text.replace(/\\(?:([0-9a-f]{1,6})[ \t\n]?|([\s\S]))/gi, (_whole, hex: string | undefined, char: string | undefined) => {
    if (hex === undefined) return char ?? '';
    const code = parseInt(hex, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });
}

/** The `url(…)`s of (masked) CSS text, in order. */
export function findCssUrls(text: string): CssUrl[] {
  const urls: CssUrl[] = [];
  const opener = /(?<![\w-])url\(/gi;
  for (let match = opener.exec(text); match; match = opener.exec(text)) {
    let i = match.index + match[0].length;
    while (isCssSpace(text[i])) i++;
    const quote = text[i];
    let srcSpan: OffsetSpan;
    if (quote === '"' || quote === "'") {
      const start = ++i;
      while (i < text.length && text[i] !== quote && text[i] !== '\n' && text[i] !== '\r') i += text[i] === '\\' ? 2 : 1;
      if (text[i] !== quote) {
        opener.lastIndex = Math.min(i, text.length); // an unclosed string: no URL here
        continue;
      }
      srcSpan = { start, end: i };
      i++;
    } else {
      const start = i;
      while (i < text.length && text[i] !== ')' && !isCssSpace(text[i]) && text[i] !== '"' && text[i] !== "'" && text[i] !== '(') i += text[i] === '\\' ? 2 : 1;
      srcSpan = { start, end: Math.min(i, text.length) };
    }
    while (isCssSpace(text[i])) i++;
    if (text[i] !== ')') {
      opener.lastIndex = Math.max(Math.min(i, text.length), match.index + 1);
      continue;
    }
    opener.lastIndex = i + 1;
    const src = unescapeCss(text.slice(srcSpan.start, srcSpan.end)).trim();
    if (src !== '') urls.push({ span: { start: match.index, end: i + 1 }, srcSpan, src });
  }
  return urls;
}
