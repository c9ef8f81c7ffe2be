import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { parseSettings, toProviderConfig } from '../../src/common/settingsSchema';
import { applyModelRules, resolve } from '../../src/common/request/resolve';
import { buildSidecar, pageHistory, parseSidecar, serializeSidecar, type Sidecar } from '../../src/common/sidecar';

describe('settings (commands)', () => {
  it('fills every default from an empty configuration', () => {
    const { settings, problems } = parseSettings({});
    assert.deepEqual(problems, []);
    assert.equal(settings.provider, 'crazyrouter');
    assert.equal(settings.outputFolder, 'assets/ideogram');
    assert.equal(settings.fileNameTemplate, '${date}-${slug}-${seed}');
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
    // at which model's price, or where a file is written.
    const harmless = ['ideogram.defaults.aspectRatio', 'ideogram.defaults.styleType', 'ideogram.defaults.magicPrompt', 'ideogram.insertFormat'];
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

describe('generate defaults and model rules (commands)', () => {
  const settings = parseSettings({ defaults: { model: 'V_2', numImages: 2 } }).settings;

  it('fills from last choices, then settings; explicit fields win', () => {
    assert.deepEqual(resolve('generate', { prompt: 'p' }, settings.defaults), { model: 'V_2', aspect_ratio: 'ASPECT_1_1', style_type: 'AUTO', magic_prompt_option: 'AUTO', num_images: 2, prompt: 'p' });
    const req = resolve('generate', { prompt: 'p', num_images: 4 }, settings.defaults, { model: 'V_2_TURBO', aspect_ratio: 'ASPECT_16_9', num_images: 3 });
    assert.equal(req.model, 'V_2_TURBO');
    assert.equal(req.aspect_ratio, 'ASPECT_16_9');
    assert.equal(req.num_images, 4);
  });

  it('does not add defaults the model rejects, and a resolution replaces the aspect ratio', () => {
    const v1 = resolve('generate', { prompt: 'p', model: 'V_1' }, settings.defaults);
    assert.equal(v1.style_type, undefined);
    const res = resolve('generate', { prompt: 'p', resolution: 'RESOLUTION_1024_1024' }, settings.defaults);
    assert.equal(res.aspect_ratio, undefined);
    // Explicit but invalid for the model: kept, so validation can name it.
    assert.equal(resolve('generate', { prompt: 'p', model: 'V_2A', negative_prompt: 'x' }, settings.defaults).negative_prompt, 'x');
    assert.equal(resolve('generate', { prompt: 'p', model: 'V_1', resolution: 'RESOLUTION_1024_1024' }, settings.defaults).resolution, 'RESOLUTION_1024_1024');
  });

  it('drops negative prompt and palette for V_2A, style, resolution and palette for V_1', () => {
    assert.deepEqual(applyModelRules({ prompt: 'p', model: 'V_2A', negative_prompt: 'x', color_palette: { name: 'EMBER' }, style_type: 'AUTO' }), { prompt: 'p', model: 'V_2A', style_type: 'AUTO' });
    assert.deepEqual(applyModelRules({ prompt: 'p', model: 'V_1_TURBO', negative_prompt: 'x', color_palette: { name: 'EMBER' }, style_type: 'AUTO' }), { prompt: 'p', model: 'V_1_TURBO', negative_prompt: 'x' });
    // A palette flow that picked a resolution and then V_1 sends the aspect ratio it still holds.
    assert.deepEqual(applyModelRules({ prompt: 'p', model: 'V_1', aspect_ratio: 'ASPECT_16_9', resolution: 'RESOLUTION_1280_720' }), { prompt: 'p', model: 'V_1', aspect_ratio: 'ASPECT_16_9' });
  });
});

describe('sidecars (commands)', () => {
  const now = new Date('2026-11-24T10:00:00.000Z');
  const sidecar = buildSidecar({
    operation: 'remix',
    request: { prompt: 'a fox', negative_prompt: 'blur', model: 'V_2', image_weight: 40, seed: 7 },
    image: { prompt: 'a fox, watercolour', seed: 7, resolution: '1024x1024', is_image_safe: true, style_type: 'GENERAL' },
    apiCreated: '2026-11-24T09:59:59Z', sourceImage: 'assets/in.png', provider: 'ideogram', extensionVersion: '0.1.0',
    file: '2026-11-24-a-fox-7.png', now, size: { width: 1024, height: 1024 }, mime: 'image/png', bytes: 1234,
  });

  it('records every field of the request and response, and nothing else', () => {
    assert.deepEqual(sidecar, {
      schema: 1, operation: 'remix', prompt: 'a fox', returned_prompt: 'a fox, watercolour', negative_prompt: 'blur', model: 'V_2',
      parameters: { prompt: 'a fox', negative_prompt: 'blur', model: 'V_2', image_weight: 40, seed: 7 },
      seed: 7, resolution: '1024x1024', style_type: 'GENERAL', is_image_safe: true, source_image: 'assets/in.png', provider: 'ideogram',
      created_at: '2026-11-24T10:00:00.000Z', api_created: '2026-11-24T09:59:59Z', extension_version: '0.1.0', file: '2026-11-24-a-fox-7.png',
      width: 1024, height: 1024, mime: 'image/png', bytes: 1234,
    });
  });

  it('round-trips through JSON and rejects foreign JSON', () => {
    const text = serializeSidecar(sidecar);
    assert.ok(text.endsWith('}\n'));
    assert.deepEqual(parseSidecar(text), sidecar);
    assert.equal(parseSidecar('{"name":"package"}'), undefined);
    assert.equal(parseSidecar('not json'), undefined);
  });

  it('pages history newest first and searches prompts', () => {
    const make = (prompt: string, at: string): { location: string; sidecar: Sidecar } => ({ location: prompt, sidecar: { ...sidecar, prompt, returned_prompt: prompt, created_at: at, file: `${prompt}.png` } });
    const records = [make('red fox', '2026-01-01T00:00:00Z'), make('blue whale', '2026-03-01T00:00:00Z'), make('red panda', '2026-02-01T00:00:00Z')];
    const all = pageHistory(records, { limit: 2 });
    assert.equal(all.total, 3);
    assert.deepEqual(all.entries.map((e) => e.location), ['blue whale', 'red panda']);
    assert.deepEqual(pageHistory(records, { offset: 2, limit: 2 }).entries.map((e) => e.location), ['red fox']);
    const red = pageHistory(records, { query: 'RED' });
    assert.equal(red.total, 2);
    assert.deepEqual(pageHistory(records, { query: 'red fox' }).entries.map((e) => e.location), ['red fox']);
  });
});

describe('manifest menus and commands (commands)', () => {
  type Menu = { command?: string; submenu?: string; when?: string; group?: string }[];
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
    contributes: { commands: { command: string; title: string; category?: string }[]; menus: Record<string, Menu>; submenus: { id: string; label: string }[] };
  };
  const nls = JSON.parse(readFileSync('package.nls.json', 'utf8')) as Record<string, string>;

  it('contributes every command in the Ideogram category with an English title', () => {
    const ids = ['ideogram.generate', 'ideogram.remix', 'ideogram.upscale', 'ideogram.describe', 'ideogram.openStudio', 'ideogram.setApiKey', 'ideogram.clearApiKey', 'ideogram.showLog'];
    for (const id of ids) {
      const command = manifest.contributes.commands.find((c) => c.command === id);
      assert.ok(command, id);
      assert.equal(command.category, 'Ideogram');
      const key = /^%(.+)%$/.exec(command.title)?.[1];
      assert.ok(key && nls[key], `${id} title in package.nls.json`);
    }
    assert.equal(nls['command.generate.title'], 'Generate Image…');
  });

  it('puts Describe, Remix, Upscale and Open in Studio in an Ideogram submenu on images in the explorer and the image preview', () => {
    const explorer = manifest.contributes.menus['explorer/context'].find((m) => m.submenu === 'ideogram.explorerContext');
    assert.ok(explorer?.when?.includes('resourceExtname =~ /\\.(png|jpe?g|webp)$/i'), explorer?.when);
    const title = manifest.contributes.menus['editor/title'].find((m) => m.submenu === 'ideogram.editorTitle');
    assert.equal(title?.when, "activeCustomEditorId == 'imagePreview.previewEditor'");
    for (const submenu of ['ideogram.explorerContext', 'ideogram.editorTitle']) {
      assert.deepEqual(manifest.contributes.menus[submenu].map((m) => m.command), ['ideogram.describe', 'ideogram.remix', 'ideogram.upscale', 'ideogram.openInStudio']);
      const label = manifest.contributes.submenus.find((s) => s.id === submenu)?.label;
      assert.equal(nls[/^%(.+)%$/.exec(label ?? '')?.[1] ?? ''], 'Ideogram');
    }
    // It needs an image, so the palette does not offer it.
    assert.equal(nls['command.openInStudio.title'], 'Open in Studio');
    assert.equal(manifest.contributes.menus.commandPalette.find((m) => m.command === 'ideogram.openInStudio')?.when, 'false');
  });
});
