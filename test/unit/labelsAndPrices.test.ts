// The one place of human labels (src/common/request/labels.ts) for legacy and Ideogram 3.0 values,
// the settings' enumItemLabels that must read the same, and the dated price table's estimates.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { aspectShape, palettePresetItem, PALETTE_SWATCHES, stylePresetLabel, valueLabel } from '../../src/common/request/labels';
import { ASPECT_RATIOS, MAGIC_PROMPT_OPTIONS, PALETTE_PRESETS, STYLE_TYPES } from '../../src/common/request/legacy';
import { estimatePrice, formatUsd, PRICE_TABLE_DATE, priceKey } from '../../src/common/request/prices';

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { configuration: { properties: Record<string, { enum?: string[]; enumItemLabels?: string[] }> } } };
const nls = JSON.parse(readFileSync('package.nls.json', 'utf8')) as Record<string, string>;

// The 62 Ideogram 3.0 style presets (../shared/reference/ideogram-v3.md, StylePresetV3).
const V3_STYLE_PRESETS = '80S_ILLUSTRATION 90S_NOSTALGIA ABSTRACT_ORGANIC ANALOG_NOSTALGIA ART_BRUT ART_DECO ART_POSTER AURA AVANT_GARDE BAUHAUS BLUEPRINT BLURRY_MOTION BRIGHT_ART C4D_CARTOON CHILDRENS_BOOK COLLAGE COLORING_BOOK_I COLORING_BOOK_II CUBISM DARK_AURA DOODLE DOUBLE_EXPOSURE DRAMATIC_CINEMA EDITORIAL EMOTIONAL_MINIMAL ETHEREAL_PARTY EXPIRED_FILM FLAT_ART FLAT_VECTOR FOREST_REVERIE GEO_MINIMALIST GLASS_PRISM GOLDEN_HOUR GRAFFITI_I GRAFFITI_II HALFTONE_PRINT HIGH_CONTRAST HIPPIE_ERA ICONIC JAPANDI_FUSION JAZZY LONG_EXPOSURE MAGAZINE_EDITORIAL MINIMAL_ILLUSTRATION MIXED_MEDIA MONOCHROME NIGHTLIFE OIL_PAINTING OLD_CARTOONS PAINT_GESTURE POP_ART RETRO_ETCHING RIVIERA_POP SPOTLIGHT_80S STYLIZED_RED SURREAL_COLLAGE TRAVEL_POSTER VINTAGE_GEO VINTAGE_POSTER WATERCOLOR WEIRD WOODBLOCK_PRINT'.split(' ');

describe('labels: API values as people read them', () => {
  it('aspect ratios of both APIs read as ratio and shape; resolutions as width × height', () => {
    assert.equal(valueLabel('ASPECT_16_9'), '16:9 (landscape)');
    assert.equal(valueLabel('ASPECT_1_1'), '1:1 (square)');
    assert.equal(valueLabel('ASPECT_9_16'), '9:16 (portrait)');
    assert.equal(valueLabel('16x9'), '16:9 (landscape)');
    assert.equal(valueLabel('4x5'), '4:5 (portrait)');
    assert.equal(aspectShape('3x1'), 'landscape');
    assert.equal(valueLabel('RESOLUTION_1024_768'), '1024 × 768');
    assert.equal(valueLabel('1280x800'), '1280 × 800');
  });

  it('style types, magic prompt, rendering speeds and palette presets have words; model ids stay ids', () => {
    assert.deepEqual(STYLE_TYPES.map(valueLabel), ['Auto', 'General', 'Realistic', 'Design', '3D render', 'Anime']);
    assert.deepEqual(['CUSTOM', 'FICTION', 'STYLIZED'].map(valueLabel), ['Custom', 'Fiction', 'Stylized']);
    assert.deepEqual(MAGIC_PROMPT_OPTIONS.map(valueLabel), ['Auto', 'On', 'Off']);
    assert.deepEqual(['FLASH', 'TURBO', 'BALANCED', 'DEFAULT', 'QUALITY'].map(valueLabel), ['Flash', 'Turbo', 'Balanced', 'Default', 'Quality']);
    assert.deepEqual(PALETTE_PRESETS.map(valueLabel), ['Ember', 'Fresh', 'Jungle', 'Magic', 'Melon', 'Mosaic', 'Pastel', 'Ultramarine']);
    assert.equal(valueLabel('V_2_TURBO'), 'V_2_TURBO');
  });

  it('every palette preset has swatches, which a quick pick shows as hex', () => {
    for (const preset of PALETTE_PRESETS) {
      assert.ok(PALETTE_SWATCHES[preset].length > 0, preset);
      assert.match(palettePresetItem(preset).description, /^#[0-9A-F]{6}( #[0-9A-F]{6})*$/, preset);
    }
  });

  it('the 62 Ideogram 3.0 style presets read as names, each distinct', () => {
    assert.equal(V3_STYLE_PRESETS.length, 62);
    const labels = V3_STYLE_PRESETS.map(stylePresetLabel);
    assert.equal(new Set(labels).size, 62);
    assert.equal(stylePresetLabel('80S_ILLUSTRATION'), '80s illustration');
    assert.equal(stylePresetLabel('COLORING_BOOK_II'), 'Coloring book II');
    assert.equal(stylePresetLabel('C4D_CARTOON'), 'C4D cartoon');
    assert.equal(stylePresetLabel('SPOTLIGHT_80S'), 'Spotlight 80s');
    for (const label of labels) assert.doesNotMatch(label, /_/, label);
  });

  it('the settings\' enumItemLabels read exactly as the labels module says (one concept, one place)', () => {
    const checked: Record<string, readonly string[]> = {
      'ideogram.defaults.aspectRatio': ASPECT_RATIOS,
      'ideogram.defaults.styleType': STYLE_TYPES,
      'ideogram.defaults.magicPrompt': MAGIC_PROMPT_OPTIONS,
    };
    for (const [key, values] of Object.entries(checked)) {
      const property = manifest.contributes.configuration.properties[key];
      assert.equal(property.enumItemLabels?.length, property.enum?.length, `${key}: a label per value`);
      assert.deepEqual([...(property.enum ?? [])].sort(), [...values].sort(), key);
      const shown = (property.enumItemLabels ?? []).map((ref) => nls[/^%(.+)%$/.exec(ref)?.[1] ?? '']);
      assert.deepEqual(shown, (property.enum ?? []).map(valueLabel), key);
    }
  });
});

describe('prices: the dated table and the estimate', () => {
  it('legacy models, upscale and describe at the list prices, for the count', () => {
    assert.deepEqual(estimatePrice('ideogram', 'V_2', {}, 3), { perImage: 0.08, total: 0.24, currency: 'USD', date: PRICE_TABLE_DATE });
    assert.equal(estimatePrice('crazyrouter', 'V_2A_TURBO', { operation: 'remix' }, 4)?.total, 0.1);
    assert.equal(estimatePrice('ideogram', 'V_2', { operation: 'upscale' }, 1)?.perImage, 0.06);
    assert.equal(estimatePrice('ideogram', undefined, { operation: 'describe' }, 2)?.total, 0.02);
  });

  it('Ideogram 3.0 by speed, with a character reference, and transparent; BALANCED has no public price', () => {
    assert.equal(estimatePrice('ideogram', 'V_3_API', { renderingSpeed: 'TURBO' }, 1)?.perImage, 0.03);
    assert.equal(estimatePrice('ideogram', 'V_3_API', {}, 2)?.total, 0.12);
    assert.equal(estimatePrice('ideogram', 'V_3_API', { renderingSpeed: 'QUALITY', characterReference: true }, 1)?.perImage, 0.2);
    assert.equal(estimatePrice('ideogram', 'V_3_API', { renderingSpeed: 'DEFAULT', transparent: true }, 1)?.perImage, 0.07);
    assert.equal(estimatePrice('ideogram', 'V_3_API', { renderingSpeed: 'BALANCED' }, 1), undefined);
    assert.equal(priceKey('V_3_API', { renderingSpeed: 'FLASH' }), 'v3:FLASH');
  });

  it('the setting overrides an entry (and prices what the table lacks); unknown models have no estimate', () => {
    assert.equal(estimatePrice('crazyrouter', 'V_2', {}, 2, { 'generate:V_2': 0.01 })?.total, 0.02);
    assert.equal(estimatePrice('ideogram', 'V_3_API', { renderingSpeed: 'BALANCED' }, 1, { 'v3:BALANCED': 0.05 })?.perImage, 0.05);
    assert.equal(estimatePrice('ideogram', 'V_9', {}, 1), undefined);
  });

  it('formats dollars without floating-point noise', () => {
    assert.equal(formatUsd(0.24), '$0.24');
    assert.equal(formatUsd(0.025), '$0.025');
    assert.equal(formatUsd(1.5), '$1.50');
  });
});
