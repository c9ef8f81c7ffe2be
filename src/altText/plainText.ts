// The prose of a fragment of a document (a heading, the text around an image), for people and
// prompts: markup removed, character references decoded, whitespace collapsed. Each pattern
// stops at the next character that would start another match, so the work is linear.
import { decodeHtmlEntities } from './escape';
import type { ReferenceSyntax } from './types';

/** The prose of `fragment`: tags, Markdown images, link destinations and emphasis, `{expressions}` and `{{ interpolations }}` removed. */
export function plainText(fragment: string, syntax: ReferenceSyntax): string {
  let text = fragment.replace(/<\/?[A-Za-z][^<>]*>/g, ' ');
  if (syntax === 'markdown') {
    text = text.replace(/!\[[^[\]]*\]\([^()]*\)/g, ' ').replace(/\[([^[\]]*)\]\([^()]*\)/g, '$1');
  }
  text = text.replace(/\{[^{}]*\}/g, ' ').replace(/[{}]/g, ' ');
  if (syntax !== 'css' && syntax !== 'webmanifest') text = decodeHtmlEntities(text);
  return text.replace(/[*_`~#>|]+/g, ' ').replace(/\s+/g, ' ').trim();
}
