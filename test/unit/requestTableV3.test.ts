// The Ideogram 3.0 family of the capability table (src/common/request/v3.ts): its enums and field
// lists agree with the vendor's 2026-07-02 document (as the local server compiles it), and every
// rule of validateV3 — ranges, combinations, refused speeds, reference-image limits, request
// forms — refuses exactly what the vendor (schema plus the prose rules the local server quotes) does.
import { strict as assert } from 'node:assert';
import { FAMILIES, isV3Model, v3FormSpec, v3ModeTakes, type V3Mode } from '../../src/common/request/capabilities';
import { DESCRIBE_MODEL_VERSIONS } from '../../src/common/request/legacy';
import { resolveV3, TABLE_DEFAULTS, toV3Value } from '../../src/common/request/resolve';
import {
  RENDERING_SPEEDS, resolutionForAspect, STYLE_PRESETS, UPSCALE_FACTORS, V3, V3_ASPECT_RATIOS, V3_FILE_LIMITS, V3_MODEL, V3_MODES, V3_RESOLUTIONS, V3_STYLE_TYPES,
} from '../../src/common/request/v3';
import { v3RequestSchema } from '../../src/common/request/v3Schemas';
import { formProblems, requireValidV3, validate, validateV3, type V3FileSizes } from '../../src/common/request/validation';
import { v3ProseRuleViolation } from '../../tools/mock-server/v3/vendorRules';
import { vendorSchemas } from '../../tools/mock-server/vendorSchema';

/** Vendor fields the table leaves out on purpose (v3.ts says why). */
const LEFT_OUT = ['magic_prompt_system_prompt_config_id', 'custom_model_uri', 'enable_copyright_detection'];
const MB = 1024 * 1024;

// The body as the local server decodes it: text fields as given, one placeholder per file.
function vendorBody(request: Record<string, unknown>, files: V3FileSizes): Record<string, unknown> {
  const body: Record<string, unknown> = { ...request };
  for (const [field, sizes] of Object.entries(files)) {
    body[field] = field === 'image' || field === 'mask' ? '<file>' : sizes.map(() => '<file>');
  }
  return body;
}

function vendorRefuses(mode: V3Mode, request: Record<string, unknown>, files: V3FileSizes = {}): boolean {
  const body = vendorBody(request, files);
  return vendorSchemas().v3[mode].check(body) !== undefined || v3ProseRuleViolation(body, mode) !== undefined;
}

const fields = (issues: { field: string }[]): string[] => issues.map((issue) => issue.field);
const IMAGE: V3FileSizes = { image: [1000] };
const base = (mode: V3Mode): { request: Record<string, unknown>; files: V3FileSizes } => {
  switch (mode) {
    case 'generate': case 'generate-transparent': return { request: { prompt: 'a fox' }, files: {} };
    case 'inpaint': return { request: { prompt: 'a fox' }, files: { image: [1000], mask: [100] } };
    case 'reframe': return { request: { resolution: '1344x768' }, files: IMAGE };
    case 'remove-background': return { request: {}, files: IMAGE };
    default: return { request: { prompt: 'a fox' }, files: IMAGE };
  }
};

describe('capability table, Ideogram 3.0: agrees with the vendor', () => {
  it('has the vendor\'s enums (aspect ratios, resolutions) and the documented speeds, styles, presets, upscale factors', () => {
    assert.deepEqual([...V3_ASPECT_RATIOS], [...vendorSchemas().v3Enums.aspectRatios]);
    assert.deepEqual([...V3_RESOLUTIONS], [...vendorSchemas().v3Enums.resolutions]);
    assert.equal(STYLE_PRESETS.length, 62);
    assert.deepEqual([...RENDERING_SPEEDS], ['FLASH', 'TURBO', 'BALANCED', 'DEFAULT', 'QUALITY']);
    assert.deepEqual([...V3_STYLE_TYPES], ['AUTO', 'GENERAL', 'REALISTIC', 'DESIGN', 'CUSTOM', 'FICTION', 'STYLIZED']);
    assert.deepEqual([...UPSCALE_FACTORS], ['X1', 'X2', 'X4']);
    for (const preset of STYLE_PRESETS) assert.equal(vendorRefuses('generate', { prompt: 'x', style_preset: preset }), false, preset);
    assert.deepEqual([...DESCRIBE_MODEL_VERSIONS], ['V_2', 'V_3', 'CUSTOM', 'V_4']);
    assert.deepEqual(validate('describe', { describe_model_version: 'V_4' }), []);
  });

  it('lists for every operation exactly the vendor\'s fields and files (minus the documented omissions)', () => {
    for (const mode of V3_MODES) {
      const spec = V3.operations[mode];
      const vendor = Object.keys(vendorSchemas().v3[mode].fields).filter((field) => !LEFT_OUT.includes(field)).sort();
      assert.deepEqual([...spec.fields, ...(spec.files ?? [])].sort(), vendor, mode);
      assert.equal(spec.json === true, vendorSchemas().v3[mode].contentTypes.includes('application/json'), `${mode}: JSON form`);
    }
  });

  it('derives one schema per operation from the table (a field without a schema fails here)', () => {
    for (const mode of V3_MODES) assert.ok(v3RequestSchema(mode), mode);
  });

  it('accepts the smallest valid request of every operation, and the vendor does too', () => {
    for (const mode of V3_MODES) {
      const { request, files } = base(mode);
      assert.deepEqual(validateV3(mode, request, files), [], mode);
      assert.equal(vendorRefuses(mode, request, files), false, mode);
    }
  });

  it('requires what the vendor requires (prompt, resolution on reframe, image, mask on inpaint)', () => {
    assert.deepEqual(fields(validateV3('generate', {})), ['prompt']);
    assert.deepEqual(fields(validateV3('reframe', {}, IMAGE)), ['resolution']);
    assert.deepEqual(fields(validateV3('remix', { prompt: 'x' })), ['image']);
    assert.deepEqual(fields(validateV3('inpaint', { prompt: 'x' }, IMAGE)), ['mask']);
    assert.match(validateV3('inpaint', { prompt: 'x' }, IMAGE)[0]?.message ?? '', /Paint a mask/);
    assert.equal(vendorRefuses('inpaint', { prompt: 'x' }, IMAGE), true);
    assert.equal(vendorRefuses('reframe', {}, IMAGE), true);
  });

  it('refuses a field an operation does not take, as the vendor does (every operation × every 3.0 field)', () => {
    const sample: Record<string, unknown> = {
      prompt: 'x', seed: 1, num_images: 2, magic_prompt: 'OFF', color_palette: { name: 'EMBER' }, negative_prompt: 'blur',
      aspect_ratio: '16x9', rendering_speed: 'TURBO', style_type: 'GENERAL', style_preset: 'WATERCOLOR', style_codes: ['1a2b3c4d'],
      upscale_factor: 'X2', image_weight: 40, resolution: '1024x1024',
    };
    for (const mode of V3_MODES) {
      for (const [field, value] of Object.entries(sample)) {
        const { request, files } = base(mode);
        const withField = { ...request, [field]: value };
        if (field === 'aspect_ratio') delete withField.resolution;
        const client = validateV3(mode, withField, files).some((issue) => issue.field === field);
        assert.equal(client, vendorRefuses(mode, withField, files), `${mode} + ${field}: client ${client ? 'refuses' : 'allows'}`);
        assert.equal(client, !v3ModeTakes(mode, field as never), `${mode} + ${field}: validateV3 and the table disagree`);
      }
    }
  });
});

describe('capability table, Ideogram 3.0: ranges', () => {
  const cases: [string, unknown, boolean][] = [
    ['seed', 0, true], ['seed', 2147483647, true], ['seed', -1, false], ['seed', 2147483648, false], ['seed', 1.5, false],
    ['num_images', 1, true], ['num_images', 8, true], ['num_images', 0, false], ['num_images', 9, false],
    ['image_weight', 1, true], ['image_weight', 100, true], ['image_weight', 0, false], ['image_weight', 101, false],
    ['style_codes', ['1a2b3c4d', 'ABCDEF01'], true], ['style_codes', ['1a2b3c4'], false], ['style_codes', ['1a2b3c4g'], false], ['style_codes', '1a2b3c4d', false],
    ['color_palette', { members: [{ color_hex: '#abc', color_weight: 0.05 }] }, true], ['color_palette', { members: [] }, false],
    ['color_palette', { members: Array.from({ length: 9 }, () => ({ color_hex: '#abcdef' })) }, false], ['color_palette', { name: 'NOPE' }, false],
    ['aspect_ratio', '16x9', true], ['aspect_ratio', 'ASPECT_16_9', false], ['resolution', '1312x736', true], ['resolution', 'RESOLUTION_1024_1024', false],
    ['rendering_speed', 'BALANCED', true], ['rendering_speed', 'FAST', false], ['style_type', 'FICTION', true], ['style_type', 'ANIME', false],
  ];
  for (const [field, value, ok] of cases) {
    it(`remix ${field} = ${JSON.stringify(value)}: ${ok ? 'accepted' : 'refused'}, as by the vendor`, () => {
      const request = { prompt: 'x', [field]: value };
      assert.equal(validateV3('remix', request, IMAGE).some((issue) => issue.field.startsWith(field)), !ok);
      assert.equal(vendorRefuses('remix', request, IMAGE), !ok);
    });
  }
});

describe('capability table, Ideogram 3.0: combinations', () => {
  const combos: [string, V3Mode, Record<string, unknown>, V3FileSizes, string | undefined][] = [
    ['aspect ratio with resolution', 'generate', { prompt: 'x', aspect_ratio: '1x1', resolution: '1024x1024' }, {}, 'resolution'],
    ['style codes with a style type', 'generate', { prompt: 'x', style_codes: ['1a2b3c4d'], style_type: 'GENERAL' }, {}, 'style_codes'],
    ['style codes with style references', 'generate', { prompt: 'x', style_codes: ['1a2b3c4d'] }, { style_reference_images: [100] }, 'style_codes'],
    ['a preset with style codes', 'remix', { prompt: 'x', style_preset: 'BAUHAUS', style_codes: ['1a2b3c4d'] }, IMAGE, 'style_preset'],
    ['a preset with style references', 'replace-background', { prompt: 'x', style_preset: 'BAUHAUS' }, { image: [1], style_reference_images: [100] }, 'style_preset'],
    ['a preset with a style type', 'generate', { prompt: 'x', style_preset: 'BAUHAUS', style_type: 'GENERAL' }, {}, undefined],
    ['style references with a style type', 'generate', { prompt: 'x', style_type: 'AUTO' }, { style_reference_images: [100, 200] }, undefined],
    ['FLASH on generate-transparent', 'generate-transparent', { prompt: 'x', rendering_speed: 'FLASH' }, {}, 'rendering_speed'],
    ['FLASH on generate', 'generate', { prompt: 'x', rendering_speed: 'FLASH' }, {}, undefined],
    ['TURBO and X4 on generate-transparent', 'generate-transparent', { prompt: 'x', rendering_speed: 'TURBO', upscale_factor: 'X4' }, {}, undefined],
  ];
  for (const [name, mode, request, files, refused] of combos) {
    it(`${name}: ${refused ? `refused (${refused})` : 'accepted'}, as by the vendor`, () => {
      assert.deepEqual(fields(validateV3(mode, request, files)), refused ? [refused] : []);
      assert.equal(vendorRefuses(mode, request, files), refused !== undefined);
    });
  }
  it('says what to do about FLASH on transparent images', () => {
    assert.match(validateV3('generate-transparent', { prompt: 'x', rendering_speed: 'FLASH' })[0]?.message ?? '', /FLASH is not available for transparent images/);
  });
});

describe('capability table, Ideogram 3.0: reference images and masks', () => {
  const check = (files: V3FileSizes, mode: V3Mode = 'generate'): string[] => fields(validateV3(mode, { prompt: 'x' }, files));
  it('takes one character reference, not two (as the vendor)', () => {
    assert.deepEqual(check({ character_reference_images: [100] }), []);
    assert.deepEqual(check({ character_reference_images: [100, 100] }), ['character_reference_images']);
    assert.equal(vendorRefuses('generate', { prompt: 'x' }, { character_reference_images: [100, 100] }), true);
    assert.equal(V3_FILE_LIMITS.maxCharacterReferences, 1);
  });
  it('takes a character mask only beside its reference, one each (as the vendor)', () => {
    assert.deepEqual(check({ character_reference_images: [100], character_reference_images_mask: [10] }), []);
    assert.deepEqual(check({ character_reference_images_mask: [10] }), ['character_reference_images_mask']);
    assert.equal(vendorRefuses('generate', { prompt: 'x' }, { character_reference_images_mask: [10] }), true);
  });
  it('limits each kind of reference to 10 MB in total (10 MB passes, one byte more does not)', () => {
    assert.deepEqual(check({ style_reference_images: [4 * MB, 6 * MB] }), []);
    assert.deepEqual(check({ style_reference_images: [4 * MB, 6 * MB + 1] }), ['style_reference_images']);
    assert.match(validateV3('generate', { prompt: 'x' }, { style_reference_images: [6 * MB, 6 * MB] })[0]?.message ?? '', /12\.0 MB in total/);
    assert.deepEqual(check({ character_reference_images: [10 * MB + 1] }), ['character_reference_images']);
    // Both kinds at 10 MB each are within their own limits.
    assert.deepEqual(check({ style_reference_images: [10 * MB], character_reference_images: [10 * MB] }), []);
  });
  it('refuses files an operation does not take (references on transparent, character references on reframe, a mask on remix)', () => {
    assert.deepEqual(check({ style_reference_images: [1] }, 'generate-transparent'), ['style_reference_images']);
    assert.deepEqual(fields(validateV3('reframe', { resolution: '1024x1024' }, { image: [1], character_reference_images: [1] })), ['character_reference_images']);
    assert.deepEqual(check({ image: [1], mask: [1] }, 'remix'), ['mask']);
    assert.equal(vendorRefuses('remix', { prompt: 'x' }, { image: [1], mask: [1] }), true);
  });
  it('requireValidV3 throws an invalid-request error that names the operation and sends nothing', () => {
    assert.throws(() => requireValidV3('reframe', {}, IMAGE), (err: Error & { kind?: string }) => err.kind === 'invalid-request' && /reframe/.test(err.message));
  });
});

describe('capability table, Ideogram 3.0: request forms', () => {
  it('the official form carries every operation and everything the table lists', () => {
    for (const mode of V3_MODES) {
      const { request, files } = base(mode);
      assert.deepEqual(formProblems(mode, 'official', request, files), [], mode);
    }
  });
  it('Crazyrouter\'s JSON form offers only the five operations of its page (inpaint as /edit)', () => {
    const offered = V3_MODES.filter((mode) => v3FormSpec(mode, 'crazyrouter-json'));
    assert.deepEqual(offered, ['generate', 'remix', 'inpaint', 'reframe', 'replace-background']);
    assert.equal(v3FormSpec('inpaint', 'crazyrouter-json')?.path, 'v1/ideogram-v3/edit');
    assert.match(formProblems('generate-transparent', 'crazyrouter-json', { prompt: 'x' })[0]?.message ?? '', /does not offer/);
  });
  it('refuses locally what Crazyrouter\'s JSON form cannot carry: reference images, fields, narrower values', () => {
    const problems = formProblems('generate', 'crazyrouter-json', { prompt: 'x', rendering_speed: 'FLASH', style_preset: 'WATERCOLOR' }, { style_reference_images: [100] });
    assert.deepEqual(fields(problems).sort(), ['rendering_speed', 'style_preset', 'style_reference_images']);
    assert.match(problems.find((p) => p.field === 'style_reference_images')?.message ?? '', /cannot carry Style reference images/);
    assert.deepEqual(formProblems('inpaint', 'crazyrouter-json', { prompt: 'x', style_type: 'DESIGN' }, { image: [1], mask: [1] }), []);
    assert.deepEqual(fields(formProblems('inpaint', 'crazyrouter-json', { prompt: 'x', style_type: 'FICTION' }, { image: [1], mask: [1] })), ['style_type']);
  });
});

describe('capability table, Ideogram 3.0: defaults (resolveV3) and the family in pickers', () => {
  it('fills the settings\' defaults in 3.0 spelling where the operation takes them', () => {
    const defaults = { ...TABLE_DEFAULTS, aspectRatio: 'ASPECT_16_9', styleType: 'REALISTIC', magicPrompt: 'OFF', numImages: 2 };
    assert.deepEqual(resolveV3('generate', { prompt: 'x' }, defaults), { prompt: 'x', aspect_ratio: '16x9', style_type: 'REALISTIC', magic_prompt: 'OFF', num_images: 2 });
    assert.deepEqual(resolveV3('reframe', { resolution: '1024x1024' }, defaults), { resolution: '1024x1024', num_images: 2 });
    assert.deepEqual(resolveV3('generate-transparent', { prompt: 'x' }, defaults), { prompt: 'x', aspect_ratio: '16x9', magic_prompt: 'OFF', num_images: 2 });
    for (const mode of V3_MODES) {
      const { request, files } = base(mode);
      assert.deepEqual(validateV3(mode, resolveV3(mode, request, defaults, {}, (files.style_reference_images?.length ?? 0) > 0), files), [], mode);
    }
  });
  it('leaves out legacy values 3.0 does not have, and a style type beside codes or references', () => {
    const defaults = { ...TABLE_DEFAULTS, styleType: 'ANIME' };
    assert.equal(resolveV3('generate', { prompt: 'x' }, defaults).style_type, undefined);
    assert.equal(toV3Value('aspect_ratio', 'ASPECT_1_1'), '1x1');
    assert.equal(resolveV3('generate', { prompt: 'x', style_codes: ['1a2b3c4d'] }, TABLE_DEFAULTS).style_type, undefined);
    assert.equal(resolveV3('generate', { prompt: 'x' }, TABLE_DEFAULTS, {}, true).style_type, undefined);
    assert.equal(resolveV3('generate', { prompt: 'x', aspect_ratio: '3x1' }, TABLE_DEFAULTS, { aspect_ratio: 'ASPECT_16_9' }).aspect_ratio, '3x1');
  });
  it('names the 3.0 family in pickers by one id, which no legacy model uses', () => {
    assert.equal(isV3Model(V3_MODEL), true);
    assert.equal(isV3Model('V_3'), false);
    assert.deepEqual(FAMILIES.map((family) => family.id), ['legacy', 'v3']);
  });
});

describe('capability table, Ideogram 3.0: extend to an aspect ratio', () => {
  it('picks for every 3.0 ratio the resolution of the nearest shape, the larger on a tie', () => {
    const picked = Object.fromEntries(V3_ASPECT_RATIOS.map((aspect) => [aspect, resolutionForAspect(aspect)]));
    assert.equal(picked['1x1'], '1024x1024');
    assert.equal(picked['16x9'], '1312x736');
    assert.equal(picked['9x16'], '736x1312');
    assert.equal(picked['3x1'], '1536x512');
    for (const [aspect, resolution] of Object.entries(picked)) {
      assert.ok((V3_RESOLUTIONS as readonly string[]).includes(resolution ?? ''), aspect);
      assert.deepEqual(validateV3('reframe', { resolution }, IMAGE), [], aspect);
    }
    assert.equal(resolutionForAspect('ASPECT_16_9'), undefined);
  });
});
