import { strict as assert } from 'node:assert';
import { buildStudioHtml, createNonce, studioCsp } from '../../src/studio/html';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

function cspOf(html: string): Map<string, string[]> {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  assert.ok(match, 'the page has a CSP meta tag');
  return new Map(match[1]!.split(';').map((part) => {
    const [name, ...values] = part.trim().split(/\s+/);
    return [name!, values];
  }));
}

describe('Studio HTML and Content Security Policy', () => {
  const nonce = createNonce();
  const html = buildStudioHtml({
    cspSource: CSP_SOURCE, nonce, lang: 'en', title: 'Ideogram <Studio>',
    scriptUri: `${CSP_SOURCE}/ext/dist/webview.js`, styleUri: `${CSP_SOURCE}/ext/media/studio.css`,
  });

  it('allows nothing by default and scripts only with the nonce', () => {
    const csp = cspOf(html);
    assert.deepEqual(csp.get('default-src'), ["'none'"]);
    assert.deepEqual(csp.get('script-src'), [`'nonce-${nonce}'`]);
    for (const directive of ['style-src', 'img-src', 'font-src']) assert.deepEqual(csp.get(directive), [CSP_SOURCE], directive);
    assert.equal(csp.has('connect-src'), false, 'no connect-src: all HTTP happens in the extension host');
  });

  it('has no unsafe-inline, unsafe-eval, inline script or inline style', () => {
    assert.doesNotMatch(html, /unsafe-inline|unsafe-eval/);
    assert.doesNotMatch(html, /\sstyle=/);
    assert.doesNotMatch(html, /<style/);
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    assert.match(scripts[0]![1]!, new RegExp(`nonce="${nonce}"`));
    assert.equal(scripts[0]![2]!.trim(), '', 'the script is loaded from the bundle, not inline');
  });

  it('escapes host text placed in the page', () => {
    assert.match(html, /<title>Ideogram &lt;Studio&gt;<\/title>/);
  });

  it('uses a fresh, unguessable nonce each time', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => createNonce()));
    assert.equal(nonces.size, 50);
    for (const n of nonces) assert.match(n, /^[A-Za-z0-9_-]{22}$/);
    assert.notEqual(studioCsp(CSP_SOURCE, 'a'), studioCsp(CSP_SOURCE, 'b'));
  });
});
