// The capability table (src/common/request): its rules agree with the vendor's schemas (as the
// local server enforces them, tools/mock-server), the manifest declares what it holds, and every
// consumer reads its refusals from it.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { FAMILIES, modelGroup, refusal, type ModelRestrictedField } from '../../src/common/request/capabilities';
import { ASPECT_RATIOS, LEGACY, LEGACY_DEFAULTS, MAGIC_PROMPT_OPTIONS, MODELS, RANGES, STYLE_TYPES } from '../../src/common/request/legacy';
import { modelHint } from '../../src/common/request/labels';
import { resolve, TABLE_DEFAULTS } from '../../src/common/request/resolve';
import { GenerateRequestSchema, RemixRequestSchema, UpscaleRequestSchema } from '../../src/common/request/schemas';
import { validate } from '../../src/common/request/validation';
import { disabledFields } from '../../src/common/studioForm';
import { proseRuleViolation } from '../../tools/mock-server/vendorRules';
import { vendorSchemas } from '../../tools/mock-server/vendorSchema';

const SAMPLE: Record<ModelRestrictedField, unknown> = {
  negative_prompt: 'blur',
  color_palette: { name: 'EMBER' },
  style_type: 'AUTO',
  resolution: 'RESOLUTION_1024_1024',
};

// What the local server (the vendor's schema plus the rules of its prose) answers for an image_request.
function vendorRefuses(imageRequest: Record<string, unknown>): boolean {
  return vendorSchemas().routes.generate.check({ image_request: imageRequest }) !== undefined || proseRuleViolation(imageRequest) !== undefined;
}

describe('capability table: agrees with the vendor', () => {
  it('lists exactly the models the vendor schema accepts, and refuses others before sending', () => {
    for (const model of MODELS) assert.equal(vendorRefuses({ prompt: 'x', model }), false, model);
    for (const model of ['V_9', 'v_2', 'V_2_1']) {
      assert.equal(vendorRefuses({ prompt: 'x', model }), true, `the vendor takes ${model}`);
      assert.deepEqual(validate('generate', { prompt: 'x', model }).map((i) => i.field), ['model'], model);
    }
  });

  it('refuses a field for a model exactly when the vendor does (every model × every restricted field)', () => {
    for (const model of MODELS) {
      for (const [field, value] of Object.entries(SAMPLE) as [ModelRestrictedField, unknown][]) {
        const request = { prompt: 'x', model, [field]: value };
        const client = validate('generate', request).some((issue) => issue.field === field);
        assert.equal(client, vendorRefuses(request), `${model} + ${field}: client ${client ? 'refuses' : 'allows'}`);
        assert.equal(client, refusal(model, field) !== undefined, `${model} + ${field}: validate and the table disagree`);
      }
    }
  });

  it('V_3 refuses a negative prompt (the vendor: "Only available for model versions V_1, V_1_TURBO, V_2 and V_2_TURBO")', () => {
    assert.match(validate('generate', { prompt: 'x', model: 'V_3', negative_prompt: 'blur' })[0]?.message ?? '', /Negative prompt is not supported by V_3/);
    assert.match(disabledFields('V_3').negative_prompt ?? '', /V_3/);
    // A default can never make a V_3 request the API refuses; an explicit one is kept for validation to name.
    assert.equal('negative_prompt' in resolve('generate', { prompt: 'x', model: 'V_3' }, TABLE_DEFAULTS), false);
  });

  it('says which models refuse a palette (not "only V_2 and V_2_TURBO", which V_3 contradicts)', () => {
    assert.match(disabledFields('V_1').color_palette ?? '', /V_1 models/);
    assert.match(disabledFields('V_2A_TURBO').color_palette ?? '', /V_2A models/);
    assert.equal(disabledFields('V_3').color_palette, undefined);
  });
});

describe('capability table: one source for every consumer', () => {
  it('puts every model in exactly one group of one family', () => {
    const grouped = FAMILIES.flatMap((family) => family.modelGroups.flatMap((group) => group.models));
    assert.deepEqual([...grouped].sort(), [...MODELS].sort());
    for (const model of MODELS) assert.ok(modelGroup(model), model);
  });

  it('lists for each operation exactly the fields its schema takes', () => {
    assert.deepEqual([...LEGACY.operations.generate.fields].sort(), Object.keys(GenerateRequestSchema.shape).sort());
    assert.deepEqual([...LEGACY.operations.remix.fields].sort(), Object.keys(RemixRequestSchema.shape).sort());
    assert.deepEqual([...LEGACY.operations.upscale.fields].sort(), Object.keys(UpscaleRequestSchema.shape).sort());
  });

  it('the manifest declares the settings the table defines (enums, defaults, range)', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { configuration: { properties: Record<string, { enum?: string[]; default?: unknown; minimum?: number; maximum?: number }> } | { properties: Record<string, { enum?: string[]; default?: unknown; minimum?: number; maximum?: number }> }[] } };
    const configuration = pkg.contributes.configuration;
    const properties = Object.assign({}, ...(Array.isArray(configuration) ? configuration : [configuration]).map((c) => c.properties)) as Record<string, { enum?: string[]; default?: unknown; minimum?: number; maximum?: number }>;
    const setting = (key: string) => properties[`ideogram.defaults.${key}`];
    assert.deepEqual(setting('model').enum, [...MODELS]);
    assert.equal(setting('model').default, LEGACY_DEFAULTS.model);
    assert.deepEqual([...(setting('aspectRatio').enum ?? [])].sort(), [...ASPECT_RATIOS].sort());
    assert.equal(setting('aspectRatio').default, LEGACY_DEFAULTS.aspect_ratio);
    assert.deepEqual(setting('styleType').enum, [...STYLE_TYPES]);
    assert.equal(setting('styleType').default, LEGACY_DEFAULTS.style_type);
    assert.deepEqual(setting('magicPrompt').enum, [...MAGIC_PROMPT_OPTIONS]);
    assert.equal(setting('magicPrompt').default, LEGACY_DEFAULTS.magic_prompt_option);
    assert.equal(setting('numImages').default, LEGACY_DEFAULTS.num_images);
    assert.equal(setting('numImages').minimum, RANGES.num_images.min);
    assert.equal(setting('numImages').maximum, RANGES.num_images.max);
  });

  it('describes a model from its refusals, so a picker never restates a rule', () => {
    assert.equal(modelHint('V_2'), undefined);
    assert.equal(modelHint('V_2_TURBO'), 'faster');
    assert.equal(modelHint('V_2A'), 'no negative prompt, colour palette');
    assert.equal(modelHint('V_1_TURBO'), 'faster · no style type, resolution, colour palette');
  });
});
