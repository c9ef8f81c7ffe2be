import { strict as assert } from 'node:assert';
import { buildStudioRequest, checkStudioRequest, DEFAULT_FORM, disabledFields, formFromParameters } from '../../src/common/studioForm';

describe('Studio form → API request', () => {
  it('builds a generate request with only the fields that are set', () => {
    const request = buildStudioRequest({ ...DEFAULT_FORM, prompt: 'a red fox', styleType: 'REALISTIC', randomSeed: false, seed: '42', numImages: 2 });
    assert.deepEqual(request, {
      mode: 'generate',
      request: { prompt: 'a red fox', model: 'V_2', aspect_ratio: 'ASPECT_1_1', style_type: 'REALISTIC', seed: 42, num_images: 2 },
    });
    assert.deepEqual(checkStudioRequest(request), []);
  });

  it('sends a resolution instead of an aspect ratio when chosen, never both', () => {
    const request: Record<string, unknown> = buildStudioRequest({ ...DEFAULT_FORM, prompt: 'x', sizeKind: 'resolution', resolution: 'RESOLUTION_1024_768' }).request;
    assert.equal(request.resolution, 'RESOLUTION_1024_768');
    assert.equal('aspect_ratio' in request, false);
  });

  it('reports an invalid seed on the seed field with the client\'s message', () => {
    for (const seed of ['abc', '-5', '2147483648', '1.5']) {
      const issues = checkStudioRequest(buildStudioRequest({ ...DEFAULT_FORM, prompt: 'x', randomSeed: false, seed }));
      assert.ok(issues.some((i) => i.field === 'seed' && /seed/i.test(i.message)), `${seed}: ${JSON.stringify(issues)}`);
    }
  });

  it('ignores the seed box while "random" is ticked', () => {
    const { request } = buildStudioRequest({ ...DEFAULT_FORM, prompt: 'x', randomSeed: true, seed: 'abc' });
    assert.equal('seed' in request, false);
  });

  it('reports an empty prompt and out-of-range numbers', () => {
    const issues = checkStudioRequest(buildStudioRequest({ ...DEFAULT_FORM, prompt: '  ', numImages: 9 }));
    assert.deepEqual(issues.map((i) => i.field).sort(), ['num_images', 'prompt']);
  });

  it('disables negative prompt and palette for V_2A, style for V_1, and does not send them', () => {
    assert.deepEqual(Object.keys(disabledFields('V_2A')).sort(), ['color_palette', 'negative_prompt']);
    assert.deepEqual(Object.keys(disabledFields('V_1_TURBO')).sort(), ['color_palette', 'resolution', 'style_type']);
    assert.deepEqual(disabledFields('V_2'), {});
    const { request } = buildStudioRequest({ ...DEFAULT_FORM, prompt: 'x', model: 'V_2A', negativePrompt: 'blur', palette: { kind: 'preset', name: 'EMBER' } });
    assert.equal('negative_prompt' in request, false);
    assert.equal('color_palette' in request, false);
  });

  it('sends the aspect ratio, not the chosen resolution, for a V_1 model', () => {
    const form = { ...DEFAULT_FORM, prompt: 'x', sizeKind: 'resolution' as const, resolution: 'RESOLUTION_1280_720', aspectRatio: 'ASPECT_16_9' };
    const v1 = buildStudioRequest({ ...form, model: 'V_1' });
    const sent = v1.request as Record<string, unknown>;
    assert.deepEqual([sent.aspect_ratio, sent.resolution], ['ASPECT_16_9', undefined]);
    assert.deepEqual(checkStudioRequest(v1), []);
    assert.equal((buildStudioRequest({ ...form, model: 'V_2' }).request as Record<string, unknown>).resolution, 'RESOLUTION_1280_720');
  });

  it('validates custom palette members with the client rules', () => {
    const issues = checkStudioRequest(buildStudioRequest({
      ...DEFAULT_FORM, prompt: 'x', palette: { kind: 'custom', members: [{ color_hex: '#ff0000', color_weight: 2 }] },
    }));
    assert.ok(issues.some((i) => i.field.startsWith('color_palette')), JSON.stringify(issues));
  });

  it('builds remix, upscale and describe requests', () => {
    assert.equal((buildStudioRequest({ ...DEFAULT_FORM, mode: 'remix', prompt: 'x', imageWeight: 70 }).request as Record<string, unknown>).image_weight, 70);
    const upscale = buildStudioRequest({ ...DEFAULT_FORM, mode: 'upscale', resemblance: 60, detail: 40 });
    assert.deepEqual(upscale.request, { resemblance: 60, detail: 40, num_images: 1 });
    assert.deepEqual(checkStudioRequest(upscale), []);
    assert.deepEqual(buildStudioRequest({ ...DEFAULT_FORM, mode: 'describe', describeModelVersion: 'V_3' }).request, { describe_model_version: 'V_3' });
  });

  it('fills the form from sidecar parameters and round-trips them', () => {
    const parameters = {
      prompt: 'a lighthouse', model: 'V_2_TURBO', resolution: 'RESOLUTION_1280_720', style_type: 'DESIGN', magic_prompt_option: 'OFF',
      negative_prompt: 'text', seed: 7, num_images: 3, color_palette: { members: [{ color_hex: '#112233', color_weight: 0.5 }] },
    };
    const form = formFromParameters(parameters, DEFAULT_FORM);
    assert.equal(form.randomSeed, false);
    assert.deepEqual(buildStudioRequest(form).request, parameters);
  });
});
