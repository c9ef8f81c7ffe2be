// The generate language model tool with Ideogram 3.0's fields (model V_3_API, rendering_speed,
// style_preset, transparent → generate-transparent), registered by the extension on the vscode
// stand-in and invoked against the local server over loopback.
import { useWasmSharp } from '../support/wasmSharp';
import { strict as assert } from 'node:assert';
import { createRequire } from 'node:module';
import { decodeInfo, sniffFormat } from '../../src/imageOps';
import { TOOL_IMAGE_MAX_SIDE } from '../../src/tools/vscode/toolImages';
import { activateForTest, type ActivatedExtension } from '../support/vscode/activate';
import { CancellationTokenSource, LanguageModelDataPart } from '../support/vscode/basics';
import { vscodeStandIn } from '../support/vscode/standIn';

type Tool = {
  prepareInvocation(options: { input: unknown }): { invocationMessage?: string; confirmationMessages?: { title: string; message: { value: string } } };
  invoke(options: { input: unknown }, token: unknown): Promise<{ content: unknown[] }>;
};

useWasmSharp();
// The `vscode` module the extension sees (the stand-in), to take LanguageModelDataPart away as older VS Code lacks it.
const vscodeModule = createRequire(__filename)('vscode') as Record<string, unknown>;

const textOf = (result: { content: unknown[] }): string =>
  result.content.map((part) => (typeof (part as { value?: unknown }).value === 'string' ? (part as { value: string }).value : '')).join('');

describe('language model tools: generate with Ideogram 3.0 (vscode stand-in, local server)', () => {
  let ext: ActivatedExtension;
  afterEach(() => ext.dispose());

  const generateTool = (): Tool => {
    const tool = vscodeStandIn.lm.tools.get('ideogram_generateImage') as Tool | undefined;
    assert.ok(tool, 'the tool is registered');
    return tool;
  };
  const invoke = (input: unknown) => generateTool().invoke({ input }, new CancellationTokenSource().token);

  it('model V_3_API with a speed and a style preset: the confirmation names 3.0 and its price, the request goes to the 3.0 generate route', async () => {
    ext = await activateForTest();
    const input = { prompt: 'a paper boat, flat icon', model: 'V_3_API', rendering_speed: 'TURBO', style_preset: 'WATERCOLOR', aspect_ratio: 'ASPECT_16_9', num_images: 1 };
    const prepared = generateTool().prepareInvocation({ input });
    assert.match(prepared.confirmationMessages?.message.value ?? '', /Ideogram 3\.0 · Turbo speed/);
    assert.match(prepared.confirmationMessages?.message.value ?? '', /1 image billed · about \$0\.03/);
    assert.equal(ext.server.requests.length, 0, 'nothing is sent before the user confirms');
    const text = textOf(await invoke(input));
    assert.deepEqual(ext.server.requests.map((r) => r.path), ['/ideogram/v1/ideogram-v3/generate']);
    const sent = ext.server.requests[0].fields ?? {};
    assert.deepEqual([sent.prompt, sent.rendering_speed, sent.style_preset, sent.aspect_ratio, 'model' in sent], ['a paper boat, flat icon', 'TURBO', 'WATERCOLOR', '16x9', false]);
    assert.match(text, /^Images generated with Ideogram model V_3_API \(Ideogram 3\.0 generate, rendering speed TURBO\) and saved: 1/);
    assert.match(text, /- assets\/ideogram\/[^ ]+\.png \(/);
  });

  it('transparent: true goes to generate-transparent (the user\'s default model is legacy, a 3.0 field is enough)', async () => {
    ext = await activateForTest();
    const prepared = generateTool().prepareInvocation({ input: { prompt: 'a rocket sprite', transparent: true, rendering_speed: 'TURBO' } });
    assert.match(prepared.confirmationMessages?.message.value ?? '', /Ideogram 3\.0 · Turbo speed · transparent background/);
    const text = textOf(await invoke({ prompt: 'a rocket sprite', transparent: true, rendering_speed: 'TURBO' }));
    assert.deepEqual(ext.server.requests.map((r) => r.path), ['/ideogram/v1/ideogram-v3/generate-transparent']);
    assert.match(text, /Ideogram 3\.0 generate-transparent/);
  });

  it('refuses before sending: FLASH for a transparent image, 3.0 fields with a legacy model, a style type transparent images do not take', async () => {
    ext = await activateForTest();
    const flash = textOf(await invoke({ prompt: 'a coin', transparent: true, rendering_speed: 'FLASH' }));
    assert.match(flash, /^Invalid input, nothing was sent to Ideogram:\n- rendering_speed: Rendering speed FLASH is not available for transparent images/);
    const legacy = textOf(await invoke({ prompt: 'a coin', model: 'V_2', rendering_speed: 'TURBO' }));
    assert.match(legacy, /- model: rendering_speed, style_preset and transparent are Ideogram 3\.0 fields: use model V_3_API/);
    const style = textOf(await invoke({ prompt: 'a coin', transparent: true, style_type: 'DESIGN' }));
    assert.match(style, /- style_type: /);
    assert.equal(ext.server.requests.length, 0, 'nothing was sent');
  });

  it('a legacy request stays on the legacy route', async () => {
    ext = await activateForTest();
    await invoke({ prompt: 'a kettle', model: 'V_2_TURBO', num_images: 1 });
    assert.deepEqual(ext.server.requests.map((r) => r.path), ['/ideogram/generate']);
  });

  describe('a small copy of each image in the result', () => {
    it('where VS Code has LanguageModelDataPart.image: one WebP part per saved image, at most the small size, after the text', async () => {
      ext = await activateForTest();
      const result = await invoke({ prompt: 'two pebbles', model: 'V_3_API', rendering_speed: 'FLASH', num_images: 2 });
      const [text, ...images] = result.content;
      assert.match((text as { value: string }).value, /saved: 2[\s\S]*Small copies of the saved images follow, in the same order/);
      assert.equal(images.length, 2);
      // The saved images are larger than the copies: the copies were made smaller.
      const savedSides = [...(text as { value: string }).value.matchAll(/\((\d+)x(\d+),/g)].map((m) => Math.max(Number(m[1]), Number(m[2])));
      assert.ok(savedSides.length === 2 && savedSides.every((side) => side > TOOL_IMAGE_MAX_SIDE), `saved sides ${savedSides.join(', ')}`);
      for (const image of images) {
        assert.ok(image instanceof LanguageModelDataPart);
        assert.equal(image.mimeType, 'image/webp');
        assert.equal(sniffFormat(image.data), 'webp');
        const info = await decodeInfo(image.data);
        assert.ok(Math.max(info.width, info.height) <= TOOL_IMAGE_MAX_SIDE, `${info.width}x${info.height} is small`);
      }
    });

    it('without it (older VS Code): the text alone', async () => {
      ext = await activateForTest();
      const saved = vscodeModule.LanguageModelDataPart;
      delete vscodeModule.LanguageModelDataPart;
      try {
        const result = await invoke({ prompt: 'one pebble', model: 'V_3_API', num_images: 1 });
        assert.equal(result.content.length, 1);
        assert.doesNotMatch(textOf(result), /Small copies/);
        assert.match(textOf(result), /saved: 1/);
      } finally {
        vscodeModule.LanguageModelDataPart = saved;
      }
    });
  });
});
