import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

type Bundle = Record<string, string | { message: string; comment?: string[] }>;
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const text = (value: Bundle[string]) => (typeof value === 'string' ? value : value.message);

const nls = readJson<Record<string, string>>('package.nls.json');
const nlsZh = readJson<Record<string, string>>('package.nls.zh-cn.json');
const bundle = readJson<Bundle>('l10n/bundle.l10n.json');
const bundleZh = readJson<Bundle>('l10n/bundle.l10n.zh-cn.json');

/** Keys present in `a` but not in `b`. */
const onlyIn = (a: object, b: object) => Object.keys(a).filter((key) => !(key in b));
const placeholders = (value: string) => (value.match(/\{\d+\}/g) ?? []).sort();
// Things a translation must carry over unchanged: command links, `code`, #setting.links#.
const invariants = (value: string) => (value.match(/\(command:[^)]+\)|`[^`]+`|#[\w.]+#/g) ?? []).sort();

// Values that are names or syntax, the same in every language.
const SAME_IN_EVERY_LANGUAGE = new Set(['Ideogram', 'Ideogram for VS Code', 'Ideogram 3.0', 'Authorization: Bearer <key>', 'Api-Key: <key>',
  '![alt](path)', '<img src alt width height>', '<img src alt width={…} height={…} />', 'url("path")']);
const hasChinese = (value: string) => /[\u4e00-\u9fff]/.test(value);
// Separators between a sentence and text quoted from a server: translated to full-width
// punctuation, so they hold no Chinese characters but must still differ from the English.
const PUNCTUATION_ONLY = new Set([': {0}', '{0}:{1} ({2})']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

describe('localisation: two languages', () => {
  it('package.json uses only %keys% that package.nls.json defines', () => {
    const manifest = readFileSync('package.json', 'utf8');
    const used = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]);
    assert.ok(used.length > 20);
    assert.deepEqual(used.filter((key) => !(key in nls)), []);
  });

  for (const [name, en, zh] of [
    ['package.nls', nls, nlsZh],
    ['bundle.l10n', bundle, bundleZh],
  ] as [string, Bundle, Bundle][]) {
    it(`${name}: every key exists in both English and Simplified Chinese`, () => {
      assert.deepEqual(onlyIn(en, zh), [], `only in English ${name}`);
      assert.deepEqual(onlyIn(zh, en), [], `only in Chinese ${name} (stale)`);
    });

    it(`${name}: translations keep placeholders, command links and code, and are really Chinese`, () => {
      for (const key of Object.keys(en)) {
        const source = text(en[key]);
        const translated = text(zh[key] ?? '');
        assert.deepEqual(placeholders(translated), placeholders(source), `placeholders of ${key}`);
        assert.deepEqual(invariants(translated), invariants(source), `links or code of ${key}`);
        if (PUNCTUATION_ONLY.has(source)) assert.notEqual(translated, source, `${key} keeps the English punctuation`);
        else if (!SAME_IN_EVERY_LANGUAGE.has(source)) assert.ok(hasChinese(translated), `${key} is not translated: ${translated}`);
      }
    });
  }

  it('the Studio webview strings are in the bundle (the webview calls l10n.t with the bundle from init)', () => {
    const studioKeys = [...sourceFiles('src/webview'), ...sourceFiles('src/common/request')].flatMap((file) =>
      [...readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, '').matchAll(/\bl10n\.t\('((?:[^'\\]|\\.)*)'/g)].map((match) => match[1].replace(/\\'/g, "'")));
    assert.ok(studioKeys.length > 30, 'the Studio\'s strings were not found');
    assert.deepEqual(studioKeys.filter((key) => !(key in bundle)), []);
  });

  it('no source calls vscode.l10n.t through an alias (the extractor would miss those strings)', () => {
    const aliased = sourceFiles('src').filter((file) =>
      /(?:const|let|var)\s+(?:\w+|\{[^}]*\bt\b[^}]*\})\s*=\s*(?:vscode\.)?l10n(?:\.t)?\s*;/.test(readFileSync(file, 'utf8')));
    assert.deepEqual(aliased, []);
  });

  it('the committed bundle matches a fresh extraction from src (run npm run l10n:extract)', function () {
    this.timeout(60_000);
    const out = mkdtempSync(path.join(tmpdir(), 'l10n-'));
    try {
      const bin = path.join('node_modules', '.bin', process.platform === 'win32' ? 'vscode-l10n-dev.cmd' : 'vscode-l10n-dev');
      const run = spawnSync(bin, ['export', '--outDir', out, './src'], { encoding: 'utf8' });
      assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
      const fresh = readJson<Bundle>(path.join(out, 'bundle.l10n.json'));
      assert.deepEqual(onlyIn(fresh, bundle), [], 'strings in the source but not in l10n/bundle.l10n.json');
      assert.deepEqual(onlyIn(bundle, fresh), [], 'strings in l10n/bundle.l10n.json that the source no longer has');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
