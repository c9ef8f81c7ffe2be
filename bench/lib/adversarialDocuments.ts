// Documents that once froze the extension host in the alt-text scanner: one short unit repeated,
// each opening something that never closes. The scanner's linearity test counts work on them and
// `npm run bench` times them (section g).
import type { ReferenceSyntax } from '../../src/altText';

/** One adversarial document shape. */
export interface AdversarialShape {
  name: string;
  syntax: ReferenceSyntax;
  unit: string;
}

/** The three shapes of issue 10 (Markdown 125 KB: 20.8 s, JSX 188 KB: 8.5 s, HTML 250 KB: 7.5 s before the fix). */
export const ISSUE_SHAPES: readonly AdversarialShape[] = [
  { name: 'Markdown: unclosed image brackets', syntax: 'markdown', unit: '![x\n' },
  { name: 'JSX: unclosed spread in <img>', syntax: 'jsx', unit: '<img {' },
  { name: 'HTML: unclosed <script> start tags', syntax: 'html', unit: '<script ' },
];

/** Every shape the scanner is checked on: the issue's and their relatives. */
export const ADVERSARIAL_SHAPES: readonly AdversarialShape[] = [
  ...ISSUE_SHAPES,
  { name: 'Markdown: unclosed <destination>', syntax: 'markdown', unit: '![](<' },
  { name: 'Markdown: unclosed titles', syntax: 'markdown', unit: '![](a "' },
  { name: 'Markdown: unmatched backtick runs', syntax: 'markdown', unit: '`` ` ' },
  { name: 'Markdown: definitions that never close', syntax: 'markdown', unit: '[\n' },
  { name: 'Markdown: nested reference labels', syntax: 'markdown', unit: '![a][' },
  { name: 'Markdown: unclosed inline comments', syntax: 'markdown', unit: 'x <!-- ' },
  { name: 'Markdown: unclosed raw HTML attributes', syntax: 'markdown', unit: 'x <a b="x" c="' },
  { name: 'Markdown: nested destination parentheses', syntax: 'markdown', unit: '![x](a(' },
  { name: 'Markdown: balanced parentheses in destinations', syntax: 'markdown', unit: '![x](a()' },
  { name: 'HTML: tags hidden in attribute values', syntax: 'html', unit: '<img a="<img b=" c="' },
  { name: 'JSX: braces in strings', syntax: 'jsx', unit: "<img {'" },
  { name: 'JSX: unclosed string expressions', syntax: 'jsx', unit: '<img a={"' },
  { name: 'Vue: unclosed <template> start tags', syntax: 'vue', unit: '<template ' },
];

/** A document of at least `length` characters made of `unit`. */
export function adversarialDocument(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length));
}
