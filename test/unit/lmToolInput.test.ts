import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import {
  DESCRIBE_TOOL_INPUT_SCHEMA, DESCRIBE_TOOL_NAME, GENERATE_TOOL_INPUT_SCHEMA, GENERATE_TOOL_NAME,
  buildGenerateRequest, invalidInputText, parseDescribeInput,
} from '../../src/tools/toolInput';
import { FILL_TOOL_INPUT_SCHEMA, FILL_TOOL_NAME, readFillInput } from '../../src/placeholders/tool';

const defaults = { model: 'V_2', aspectRatio: 'ASPECT_16_9', styleType: 'AUTO', magicPrompt: 'OFF', numImages: 2 };

describe('language model tools: manifest', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
    contributes: { languageModelTools: { name: string; toolReferenceName: string; displayName: string; modelDescription: string; canBeReferencedInPrompt: boolean; inputSchema: unknown }[] };
  };
  const tools = manifest.contributes.languageModelTools;

  it('declares both tools with the schemas the code validates against', () => {
    assert.deepEqual(tools.map((tool) => tool.name), [GENERATE_TOOL_NAME, DESCRIBE_TOOL_NAME, FILL_TOOL_NAME]);
    assert.deepEqual(tools[0].inputSchema, JSON.parse(JSON.stringify(GENERATE_TOOL_INPUT_SCHEMA)));
    assert.deepEqual(tools[1].inputSchema, JSON.parse(JSON.stringify(DESCRIBE_TOOL_INPUT_SCHEMA)));
    assert.deepEqual(tools[2].inputSchema, JSON.parse(JSON.stringify(FILL_TOOL_INPUT_SCHEMA)));
  });

  it('uses the API field names and makes the tools referenceable with localised display names', () => {
    assert.deepEqual(Object.keys(GENERATE_TOOL_INPUT_SCHEMA.properties).sort(),
      ['aspect_ratio', 'magic_prompt_option', 'model', 'negative_prompt', 'num_images', 'prompt', 'rendering_speed', 'seed', 'style_preset', 'style_type', 'transparent']);
    assert.deepEqual(Object.keys(DESCRIBE_TOOL_INPUT_SCHEMA.properties).sort(), ['describe_model_version', 'path']);
    for (const tool of tools) {
      assert.equal(tool.canBeReferencedInPrompt, true);
      assert.match(tool.toolReferenceName, /^[A-Za-z]\w+$/);
      assert.match(tool.displayName, /^%[\w.]+%$/);
      assert.ok(tool.modelDescription.length > 80);
    }
  });
});

describe('language model tools: generate input', () => {
  it('fills the user defaults for the fields the model left out', () => {
    const checked = buildGenerateRequest({ prompt: 'a red fox' }, defaults);
    assert.deepEqual(checked, {
      ok: true,
      value: { prompt: 'a red fox', model: 'V_2', aspect_ratio: 'ASPECT_16_9', magic_prompt_option: 'OFF', num_images: 2, style_type: 'AUTO' },
    });
  });

  it('keeps what the model chose and adds no style type for V_1', () => {
    const checked = buildGenerateRequest({ prompt: 'x', model: 'V_1', num_images: 1, seed: 7 }, defaults);
    assert.ok(checked.ok);
    assert.equal(checked.value.model, 'V_1');
    assert.equal(checked.value.num_images, 1);
    assert.equal(checked.value.seed, 7);
    assert.equal('style_type' in checked.value, false);
  });

  it('reports bad input field by field with the client\'s rules', () => {
    const checked = buildGenerateRequest({ prompt: '', num_images: 9, aspect_ratio: 'square', colour: 'red' }, defaults);
    assert.ok(!checked.ok);
    const fields = checked.issues.map((issue) => issue.field).sort();
    assert.deepEqual(fields, ['aspect_ratio', 'colour', 'num_images', 'prompt']);
    const text = invalidInputText(checked.issues);
    assert.match(text, /^Invalid input, nothing was sent to Ideogram:/);
    assert.match(text, /- num_images: /);
  });

  it('rejects a negative prompt with V_2A and a non-object input', () => {
    const v2a = buildGenerateRequest({ prompt: 'x', model: 'V_2A', negative_prompt: 'blur' }, defaults);
    assert.ok(!v2a.ok && v2a.issues.some((issue) => issue.field === 'negative_prompt'));
    assert.ok(!buildGenerateRequest('a fox', defaults).ok);
  });

  it('reports an unusable default from settings instead of sending it', () => {
    const checked = buildGenerateRequest({ prompt: 'x' }, { ...defaults, aspectRatio: 'ASPECT_WIDE' });
    assert.ok(!checked.ok && checked.issues.some((issue) => issue.field === 'aspect_ratio'));
  });
});

describe('language model tools: describe input', () => {
  it('accepts a workspace-relative image path and a model version', () => {
    assert.deepEqual(parseDescribeInput({ path: './assets\\hero.PNG', describe_model_version: 'V_3' }), {
      ok: true,
      value: { segments: ['assets', 'hero.PNG'], describe_model_version: 'V_3' },
    });
  });

  it('refuses paths that leave the workspace, URLs, non-images and unknown fields', () => {
    for (const path of ['/etc/passwd.png', '../secret.png', 'a/../../b.png', 'C:\\x.png', 'https://x/y.png', 'file:///x.png', '']) {
      const checked = parseDescribeInput({ path });
      assert.ok(!checked.ok, path);
      assert.ok(checked.issues.some((issue) => issue.field === 'path'), path);
    }
    const notImage = parseDescribeInput({ path: 'notes/readme.md' });
    assert.ok(!notImage.ok && /png/.test(notImage.issues[0].message));
    const extra = parseDescribeInput({ path: 'a.png', prompt: 'x', describe_model_version: 'V_9' });
    assert.ok(!extra.ok);
    assert.deepEqual(extra.issues.map((issue) => issue.field).sort(), ['describe_model_version', 'prompt']);
    assert.ok(!parseDescribeInput(null).ok);
  });
});

describe('language model tools: fill missing images input', () => {
  it('reads a workspace-relative folder, and anything else as the whole workspace', () => {
    assert.deepEqual(readFillInput({ folder: ' site ' }), { folder: 'site' });
    for (const input of [{}, { folder: '' }, { folder: '.' }, { folder: 3 }, null, 'site']) assert.deepEqual(readFillInput(input), {}, JSON.stringify(input));
  });
});
