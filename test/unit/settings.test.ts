import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { parseSettings, toProviderConfig } from '../../src/common/settingsSchema';

describe('settings', () => {
  it('fills every default from an empty configuration', () => {
    const { settings, problems } = parseSettings({});
    assert.deepEqual(problems, []);
    assert.equal(settings.provider, 'crazyrouter');
    assert.equal(settings.outputFolder, 'assets/ideogram');
    assert.equal(settings.fileNameTemplate, '${slug}-${seed}');
    assert.equal(settings.maxImagesInFlight, 10);
    assert.deepEqual(settings.defaults, { model: 'V_2', aspectRatio: 'ASPECT_1_1', styleType: 'AUTO', magicPrompt: 'AUTO', numImages: 1 });
  });

  it('replaces only the invalid values and names them', () => {
    const { settings, problems } = parseSettings({
      provider: 'evil', baseUrl: 'ftp://x', maxImagesInFlight: 0, insertFormat: 'html',
      defaults: { numImages: 12, model: 'V_2A' },
    });
    assert.equal(settings.provider, 'crazyrouter');
    assert.deepEqual(settings.baseUrl, { rejected: 'ftp://x' }, 'kept, so no request goes elsewhere');
    assert.equal(settings.maxImagesInFlight, 10);
    assert.equal(settings.insertFormat, 'html');
    assert.equal(settings.defaults.numImages, 1);
    assert.equal(settings.defaults.model, 'V_2A');
    assert.deepEqual(problems.map((p) => p.key).sort(), ['ideogram.baseUrl', 'ideogram.defaults.numImages', 'ideogram.maxImagesInFlight', 'ideogram.provider']);
  });

  it('names a rejected value without the credentials or query string of a URL in it', () => {
    const { problems } = parseSettings({
      proxy: 'socks5://alice:S3cretProxyPass@proxy.corp:1080',
      baseUrl: 'ftp://bob:Hunter2Pass@relay.example/v1?token=QueryS3cret',
      defaults: { model: 'https://carol:M0delPass@evil.example/?k=ModelS3cret' },
    });
    assert.deepEqual(problems.map((p) => p.key).sort(), ['ideogram.baseUrl', 'ideogram.defaults.model', 'ideogram.proxy']);
    const text = JSON.stringify(problems);
    for (const secret of ['S3cretProxyPass', 'alice', 'Hunter2Pass', 'QueryS3cret', 'M0delPass', 'ModelS3cret']) assert.ok(!text.includes(secret), `${secret} in ${text}`);
    assert.match(text, /socks5:\/\/\[redacted\]@proxy\.corp:1080/, 'the rest of the value is still named');
  });

  it('maps provider settings to where requests go', () => {
    const base = parseSettings({}).settings;
    assert.deepEqual(toProviderConfig(base), { provider: 'crazyrouter', baseUrl: 'https://crazyrouter.com', pathPrefix: '/ideogram', authStyle: 'bearer', transport: 'multipart' });
    const official = parseSettings({ provider: 'ideogram', imageTransport: 'data-url' }).settings;
    assert.deepEqual(toProviderConfig(official), { provider: 'ideogram', baseUrl: 'https://api.ideogram.ai', pathPrefix: '', authStyle: 'api-key', transport: 'data-url' });
    const root = parseSettings({ pathPrefix: '/', authStyle: 'api-key', baseUrl: 'http://127.0.0.1:9' }).settings;
    assert.deepEqual(toProviderConfig(root), { provider: 'crazyrouter', baseUrl: 'http://127.0.0.1:9', pathPrefix: '/', authStyle: 'api-key', transport: 'multipart' });
    assert.deepEqual(toProviderConfig(parseSettings({ provider: 'custom' }).settings), { problem: 'missing-base-url' }, 'custom needs a base URL');
  });

  it('refuses a base URL that is not http(s), for every provider, naming it without its credentials', () => {
    for (const provider of ['custom', 'crazyrouter', 'ideogram']) {
      assert.deepEqual(toProviderConfig(parseSettings({ provider, baseUrl: 'ftp://x' }).settings), { problem: 'base-url-not-http', value: 'ftp://x' }, provider);
    }
    assert.deepEqual(toProviderConfig(parseSettings({ baseUrl: ' socks5://u:Pw0rd@relay:1080/?t=1 ' }).settings), { problem: 'base-url-not-http', value: 'socks5://[redacted]@relay:1080/?[redacted]' });
    // Not a string at all: VS Code's settings UI cannot produce it; it falls back like other settings.
    assert.deepEqual(toProviderConfig(parseSettings({ baseUrl: 42 }).settings), toProviderConfig(parseSettings({}).settings));
  });

  it('restricts, in untrusted workspaces, every setting a folder may set that decides what is billed or where files go', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
      capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
      contributes: { configuration: { properties: Record<string, { scope?: string }> } };
    };
    // Reviewed: these change how an image or a reference looks, never how many images are billed,
    // at which model's price, or where a file is written (one placeholder is one image whatever its size).
    const harmless = ['ideogram.defaults.aspectRatio', 'ideogram.defaults.styleType', 'ideogram.defaults.magicPrompt', 'ideogram.insertFormat',
      'ideogram.placeholders.style', 'ideogram.placeholders.defaultSize', 'ideogram.placeholders.diagnostics'];
    const folderSettable = Object.entries(manifest.contributes.configuration.properties)
      .filter(([, prop]) => prop.scope !== 'application' && prop.scope !== 'machine').map(([key]) => key);
    assert.deepEqual([...manifest.capabilities.untrustedWorkspaces.restrictedConfigurations].sort(), folderSettable.filter((key) => !harmless.includes(key)).sort());
  });

  it('declares the settings that decide where the key goes as application-scoped in package.json', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { configuration: { properties: Record<string, { scope?: string; markdownDescription?: string }> } } };
    const props = manifest.contributes.configuration.properties;
    for (const key of ['ideogram.provider', 'ideogram.baseUrl', 'ideogram.pathPrefix', 'ideogram.authStyle', 'ideogram.proxy']) {
      assert.equal(props[key]?.scope, 'application', key);
    }
    const nls = JSON.parse(readFileSync('package.nls.json', 'utf8')) as Record<string, string>;
    for (const [key, prop] of Object.entries(props)) {
      const ref = /^%(.+)%$/.exec(prop.markdownDescription ?? '')?.[1];
      assert.ok(ref && nls[ref], `${key} has a markdownDescription in package.nls.json`);
    }
  });
});

describe('placeholder settings', () => {
  it('defaults to public/ and static/, 1024x768, no style and hints', () => {
    const { settings, problems } = parseSettings({ placeholders: {} });
    assert.deepEqual(problems, []);
    assert.deepEqual(settings.placeholders, { style: '', publicFolders: ['public', 'static'], defaultSize: { width: 1024, height: 768 }, diagnostics: 'hint' });
  });

  it('reads a size written WIDTHxHEIGHT and names only the values it ignores', () => {
    const ok = parseSettings({ placeholders: { style: ' flat vector ', publicFolders: ['www'], defaultSize: '800 × 600', diagnostics: 'information' } });
    assert.deepEqual(ok.problems, []);
    assert.deepEqual(ok.settings.placeholders, { style: 'flat vector', publicFolders: ['www'], defaultSize: { width: 800, height: 600 }, diagnostics: 'information' });
    const bad = parseSettings({ placeholders: { defaultSize: '0x600', diagnostics: 'error', publicFolders: 'public', style: 'ok' } });
    assert.deepEqual(bad.settings.placeholders, { style: 'ok', publicFolders: ['public', 'static'], defaultSize: { width: 1024, height: 768 }, diagnostics: 'hint' });
    assert.deepEqual(bad.problems.map((p) => p.key).sort(), ['ideogram.placeholders.defaultSize', 'ideogram.placeholders.diagnostics', 'ideogram.placeholders.publicFolders']);
    assert.deepEqual(parseSettings({ placeholders: { defaultSize: '5000x10' } }).problems.map((p) => p.key), ['ideogram.placeholders.defaultSize'], 'above 4096');
  });

  it('declares the same defaults in package.json', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { configuration: { properties: Record<string, { default?: unknown }> } } };
    const props = manifest.contributes.configuration.properties;
    const { placeholders } = parseSettings({}).settings;
    assert.equal(props['ideogram.placeholders.style'].default, placeholders.style);
    assert.deepEqual(props['ideogram.placeholders.publicFolders'].default, placeholders.publicFolders);
    assert.equal(props['ideogram.placeholders.defaultSize'].default, `${placeholders.defaultSize.width}x${placeholders.defaultSize.height}`);
    assert.equal(props['ideogram.placeholders.diagnostics'].default, placeholders.diagnostics);
  });
});
