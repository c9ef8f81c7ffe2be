// Every local validation rule of the client, and the pure helpers next to it (no network here).
import { strict as assert } from 'node:assert';
import { ASPECT_RATIOS, DESCRIBE_MODEL_VERSIONS, MAGIC_PROMPT_OPTIONS, MODELS, PALETTE_PRESETS, RESOLUTIONS, STYLE_TYPES } from '../../src/common/request/legacy';
import { checkDescribeOptions, checkGenerateRequest, checkRemixRequest, checkUpscaleRequest, type ValidationIssue } from '../../src/common/request/validation';
import { sniffImageType } from '../../src/common/imageType';

const fields = (issues: ValidationIssue[]): string[] => issues.map((i) => i.field);
const only = (issues: ValidationIssue[], field: string): ValidationIssue => {
  assert.deepEqual(fields(issues), [field], JSON.stringify(issues));
  return issues[0];
};

describe('schemas: enums', () => {
  it('have the documented sizes', () => {
    // The vendor's ModelEnum: V_1 … V_2A_TURBO and V_3 (listed since 2025-03-13).
    assert.equal(MODELS.length, 7);
    assert.equal(ASPECT_RATIOS.length, 11);
    assert.equal(RESOLUTIONS.length, 78);
    assert.equal(new Set(RESOLUTIONS).size, 78);
    assert.deepEqual([...MAGIC_PROMPT_OPTIONS], ['AUTO', 'ON', 'OFF']);
    assert.deepEqual([...STYLE_TYPES], ['AUTO', 'GENERAL', 'REALISTIC', 'DESIGN', 'RENDER_3D', 'ANIME']);
    assert.equal(PALETTE_PRESETS.length, 8);
    assert.deepEqual([...DESCRIBE_MODEL_VERSIONS], ['V_2', 'V_3', 'CUSTOM', 'V_4']);
  });
});

describe('validation: generate', () => {
  it('accepts a minimal and a full request', () => {
    assert.deepEqual(checkGenerateRequest({ prompt: 'a cat' }), []);
    assert.deepEqual(checkGenerateRequest({
      prompt: 'a cat', model: 'V_2_TURBO', aspect_ratio: 'ASPECT_16_9', magic_prompt_option: 'OFF', style_type: 'ANIME',
      negative_prompt: 'dogs', seed: 2147483647, num_images: 8, color_palette: { members: [{ color_hex: '#abc', color_weight: 0.05 }, { color_hex: '#A1B2C3', color_weight: 1 }] },
    }), []);
    assert.deepEqual(checkGenerateRequest({ prompt: 'x', resolution: 'RESOLUTION_1024_1024', color_palette: { name: 'PASTEL' } }), []);
  });

  it('accepts a newer model id as free text but not junk', () => {
    assert.deepEqual(checkGenerateRequest({ prompt: 'x', model: 'V_3' }), []);
    assert.match(only(checkGenerateRequest({ prompt: 'x', model: 'not a model!' }), 'model').message, /Model must be one of/);
  });

  it('requires a prompt and rejects an empty or blank one', () => {
    assert.equal(only(checkGenerateRequest({}), 'prompt').message, 'Prompt is required.');
    assert.match(only(checkGenerateRequest({ prompt: '' }), 'prompt').message, /Prompt is empty/);
    assert.match(only(checkGenerateRequest({ prompt: ' \n\t ' }), 'prompt').message, /Prompt is empty/);
  });

  it('rejects a request that is not an object', () => {
    for (const value of [null, 'prompt', 3, []]) assert.equal(only(checkGenerateRequest(value), '').field, '');
  });

  it('rejects negative_prompt with V_2A models, with a message that says what to do', () => {
    for (const model of ['V_2A', 'V_2A_TURBO']) {
      const issue = only(checkGenerateRequest({ prompt: 'x', model, negative_prompt: 'blur' }), 'negative_prompt');
      assert.equal(issue.message, 'Negative prompt is not supported by V_2A models; choose V_2 or V_1, or clear it.');
    }
    // An empty negative prompt box is not a conflict: the client leaves it out.
    assert.deepEqual(checkGenerateRequest({ prompt: 'x', model: 'V_2A', negative_prompt: '' }), []);
    assert.deepEqual(checkGenerateRequest({ prompt: 'x', model: 'V_1', negative_prompt: 'blur' }), []);
  });

  it('rejects color_palette with V_2A and V_1 models', () => {
    for (const model of ['V_2A', 'V_2A_TURBO', 'V_1', 'V_1_TURBO']) {
      assert.match(only(checkGenerateRequest({ prompt: 'x', model, color_palette: { name: 'EMBER' } }), 'color_palette').message, /not supported by V_/);
    }
  });

  it('rejects style_type with V_1 models only', () => {
    for (const model of ['V_1', 'V_1_TURBO']) {
      assert.match(only(checkGenerateRequest({ prompt: 'x', model, style_type: 'AUTO' }), 'style_type').message, /Style type is not supported by V_1/);
    }
    assert.deepEqual(checkGenerateRequest({ prompt: 'x', model: 'V_2A', style_type: 'AUTO' }), []);
  });

  it('rejects resolution with V_1 models, as Ideogram\'s schema says ("for model_version 2.0 only")', () => {
    for (const model of ['V_1', 'V_1_TURBO']) {
      assert.match(only(checkGenerateRequest({ prompt: 'x', model, resolution: 'RESOLUTION_1024_1024' }), 'resolution').message, /Resolution is not supported by V_1 models/);
      assert.equal(checkRemixRequest({ prompt: 'x', model, resolution: 'RESOLUTION_1024_1024' })[0]?.field, 'resolution');
    }
    assert.deepEqual(checkGenerateRequest({ prompt: 'x', model: 'V_2_TURBO', resolution: 'RESOLUTION_1024_1024' }), []);
  });

  it('rejects aspect_ratio together with resolution', () => {
    const issue = only(checkGenerateRequest({ prompt: 'x', aspect_ratio: 'ASPECT_1_1', resolution: 'RESOLUTION_1024_1024' }), 'resolution');
    assert.match(issue.message, /either an aspect ratio or a resolution/);
  });

  it('checks enums', () => {
    assert.match(only(checkGenerateRequest({ prompt: 'x', aspect_ratio: '16:9' }), 'aspect_ratio').message, /ASPECT_/);
    assert.match(only(checkGenerateRequest({ prompt: 'x', resolution: 'RESOLUTION_1_1' }), 'resolution').message, /RESOLUTION_/);
    assert.match(only(checkGenerateRequest({ prompt: 'x', magic_prompt_option: 'MAYBE' }), 'magic_prompt_option').message, /AUTO, ON, OFF/);
    assert.match(only(checkGenerateRequest({ prompt: 'x', style_type: 'CUBIST' }), 'style_type').message, /Style type must be one of/);
  });

  it('checks seed is an integer 0..2147483647', () => {
    assert.deepEqual(checkGenerateRequest({ prompt: 'x', seed: 0 }), []);
    for (const seed of [-1, 2147483648, 1.5, '5']) only(checkGenerateRequest({ prompt: 'x', seed }), 'seed');
  });

  it('checks num_images is an integer 1..8', () => {
    assert.deepEqual(checkGenerateRequest({ prompt: 'x', num_images: 1 }), []);
    for (const n of [0, 9, 2.5]) only(checkGenerateRequest({ prompt: 'x', num_images: n }), 'num_images');
  });

  it('checks the colour palette: preset name or 1..8 members with #hex and weight 0.05..1', () => {
    only(checkGenerateRequest({ prompt: 'x', color_palette: { name: 'NEON' } }), 'color_palette.name');
    only(checkGenerateRequest({ prompt: 'x', color_palette: { members: [] } }), 'color_palette.members');
    const nine = Array.from({ length: 9 }, () => ({ color_hex: '#fff' }));
    assert.match(only(checkGenerateRequest({ prompt: 'x', color_palette: { members: nine } }), 'color_palette.members').message, /at most 8/);
    for (const hex of ['fff', '#ffff', '#ggg', '#1234567', 'red']) {
      only(checkGenerateRequest({ prompt: 'x', color_palette: { members: [{ color_hex: hex }] } }), 'color_palette.members.0.color_hex');
    }
    for (const weight of [0.04, 1.01]) {
      only(checkGenerateRequest({ prompt: 'x', color_palette: { members: [{ color_hex: '#fff', color_weight: weight }] } }), 'color_palette.members.0.color_weight');
    }
    assert.match(only(checkGenerateRequest({ prompt: 'x', color_palette: {} }), 'color_palette').message, /either a preset name/);
    only(checkGenerateRequest({ prompt: 'x', color_palette: { name: 'EMBER', members: [{ color_hex: '#fff' }] } }), 'color_palette');
  });

  it('names unknown fields', () => {
    assert.match(only(checkGenerateRequest({ prompt: 'x', image_weight: 50 }), 'image_weight').message, /not a field/);
  });

  it('reports every problem at once', () => {
    const issues = checkGenerateRequest({ prompt: '', model: 'V_2A', negative_prompt: 'n', seed: -5, num_images: 10 });
    assert.deepEqual(fields(issues).sort(), ['negative_prompt', 'num_images', 'prompt', 'seed']);
  });
});

describe('validation: remix, upscale, describe', () => {
  it('remix: generate rules plus image_weight 1..100', () => {
    assert.deepEqual(checkRemixRequest({ prompt: 'x', image_weight: 1 }), []);
    assert.deepEqual(checkRemixRequest({ prompt: 'x', image_weight: 100 }), []);
    for (const w of [0, 101, 50.5]) only(checkRemixRequest({ prompt: 'x', image_weight: w }), 'image_weight');
    only(checkRemixRequest({ prompt: 'x', model: 'V_2A_TURBO', negative_prompt: 'n' }), 'negative_prompt');
    only(checkRemixRequest({ prompt: ' ' }), 'prompt');
  });

  it('upscale: every field optional; resemblance and detail 1..100', () => {
    assert.deepEqual(checkUpscaleRequest({}), []);
    assert.deepEqual(checkUpscaleRequest({ prompt: 'sharper', resemblance: 1, detail: 100, magic_prompt_option: 'AUTO', seed: 3, num_images: 2 }), []);
    for (const field of ['resemblance', 'detail']) {
      for (const v of [0, 101, 3.3]) only(checkUpscaleRequest({ [field]: v }), field);
    }
    only(checkUpscaleRequest({ seed: -1 }), 'seed');
    only(checkUpscaleRequest({ num_images: 9 }), 'num_images');
    only(checkUpscaleRequest({ model: 'V_2' }), 'model');
  });

  it('describe: describe_model_version V_2, V_3, CUSTOM or V_4 (the 2026-07-02 enum)', () => {
    for (const v of ['V_2', 'V_3', 'CUSTOM', 'V_4']) assert.deepEqual(checkDescribeOptions({ describe_model_version: v }), []);
    assert.deepEqual(checkDescribeOptions(undefined), []);
    only(checkDescribeOptions({ describe_model_version: 'V_1' }), 'describe_model_version');
  });
});

describe('sniffImageType', () => {
  it('detects PNG, JPEG and WebP by magic bytes', () => {
    assert.deepEqual(sniffImageType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])), { mime: 'image/png', ext: 'png' });
    assert.deepEqual(sniffImageType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0])), { mime: 'image/jpeg', ext: 'jpg' });
    assert.deepEqual(sniffImageType(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1')), { mime: 'image/webp', ext: 'webp' });
  });

  it('rejects everything else, including RIFF that is not WebP and short input', () => {
    assert.equal(sniffImageType(Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt ', 'latin1')), undefined);
    assert.equal(sniffImageType(Buffer.from('<!DOCTYPE html>')), undefined);
    assert.equal(sniffImageType(Buffer.from('GIF89a')), undefined);
    assert.equal(sniffImageType(Uint8Array.from([0x89, 0x50])), undefined);
    assert.equal(sniffImageType(new Uint8Array(0)), undefined);
  });
});
