// Documents that once froze the extension host in the alt-text scanner: one short unit repeated,
// each opening something that never closes; and, for the syntaxes and sites the placeholders
// feature added (issue 15), the same kind of shapes plus pages with very many images. The
// scanner's linearity test counts work on them and `npm run bench` times them (section h).
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

/** Shapes for what issue 15 added to the scanner: Svelte, CSS url(), manifests, headings, icon links and meta, srcset, next/image, and many images per line. */
export const PLACEHOLDER_SHAPES: readonly AdversarialShape[] = [
  { name: 'Svelte: unclosed braces in <img>', syntax: 'svelte', unit: '<img {' },
  { name: 'Svelte: unclosed interpolations in attributes', syntax: 'svelte', unit: '<img alt="{' },
  { name: 'CSS: unclosed url() strings', syntax: 'css', unit: 'url("' },
  { name: 'CSS: url( without a closing parenthesis', syntax: 'css', unit: 'url(a ' },
  { name: 'CSS: escapes in unquoted url()s', syntax: 'css', unit: 'url(\\' },
  { name: 'Manifest: unclosed strings', syntax: 'webmanifest', unit: '{"icons":[{"src":"' },
  { name: 'Manifest: nesting that never closes', syntax: 'webmanifest', unit: '[{"icons":' },
  { name: 'Manifest: icons that never close', syntax: 'webmanifest', unit: '{"icons":[{"src":"a.png","sizes":"1x1"' },
  { name: 'HTML: headings that never close', syntax: 'html', unit: '<h1>' },
  { name: 'HTML: icon links and og:image metas', syntax: 'html', unit: '<link rel=icon href=/i.png><meta property=og:image content=/o.png><meta property=og:image:width content=9>' },
  { name: 'HTML: <picture> srcset candidates on one line', syntax: 'html', unit: '<source srcset="a.avif 1x, b.avif 2x"><img src=c.png srcset="c.png 1x,d.png 2x" width=4 height=3>' },
  { name: 'Markdown: many images on one line', syntax: 'markdown', unit: '![](a.png) and text ' },
  { name: 'Markdown: setext headings between images', syntax: 'markdown', unit: 'a\n-\n![](b.png)\n' },
  { name: 'Markdown: a heading closed by a long # run', syntax: 'markdown', unit: '# a ##' },
  { name: 'JSX: next/image components that never close', syntax: 'jsx', unit: 'import Image from "next/image";<Image {' },
  { name: 'Vue: <style> blocks with url()s that never close', syntax: 'vue', unit: '<style>.a{background:url(a.png)}' },
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
  ...PLACEHOLDER_SHAPES,
];

/** A document of at least `length` characters made of `unit`. */
export function adversarialDocument(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length));
}
