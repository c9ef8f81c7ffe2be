import { strict as assert } from 'node:assert';
import { parseSettings } from '../../src/common/settingsSchema';
import { applyModelRules, resolve } from '../../src/common/request/resolve';

describe('generate defaults and model rules', () => {
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
