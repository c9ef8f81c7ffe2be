import { strict as assert } from 'node:assert';
import { DEFAULT_FILE_NAME_TEMPLATE, candidateName, expandFileNameTemplate, sanitizeFileName, slugify } from '../../src/common/naming';

describe('file naming', () => {
  const date = new Date(2026, 10, 24, 9, 5, 7);

  it('slugifies prompts to lower-case words joined by dashes', () => {
    assert.equal(slugify('A red fox, in the "snow"!'), 'a-red-fox-in-the-snow');
    assert.equal(slugify("Don't panic"), 'dont-panic');
    assert.equal(slugify('  '), '');
    assert.equal(slugify('一只红色的狐狸 in snow'), '一只红色的狐狸-in-snow');
  });

  it('keeps whole words within the length limit, cutting only a single overlong word', () => {
    const slug = slugify('alpha beta gamma delta epsilon zeta eta theta iota kappa lambda');
    assert.ok(slug.length <= 48);
    assert.ok(!slug.endsWith('-'));
    assert.equal(slug, 'alpha-beta-gamma-delta-epsilon-zeta-eta-theta');
    assert.equal(slugify('x'.repeat(80)).length, 48);
  });

  it('expands a template with date, slug and seed; the default leads with the slug', () => {
    assert.equal(expandFileNameTemplate('${date}-${slug}-${seed}', { prompt: 'A red fox', seed: 42, operation: 'generate', index: 1, date }), '2026-11-24-a-red-fox-42');
    // The default leads with the prompt's words, so names differ where the explorer truncates them.
    assert.equal(expandFileNameTemplate(DEFAULT_FILE_NAME_TEMPLATE, { prompt: 'A red fox', seed: 42, operation: 'generate', index: 1, date }), 'a-red-fox-42');
    assert.equal(expandFileNameTemplate('', { prompt: 'Sunset over the bay', seed: 7, operation: 'generate', index: 1, date }), 'sunset-over-the-bay-7');
  });

  it('expands time, model, operation, index and drops unknown variables and missing seeds', () => {
    assert.equal(
      expandFileNameTemplate('${operation}_${model}_${time}_${index}${nope}-${seed}', { prompt: 'p', model: 'V_2A', operation: 'remix', index: 3, date }),
      'remix_v_2a_090507_3',
    );
  });

  it('names a remix or upscale after its source with the default template; a custom one can use ${source}', () => {
    const remix = { prompt: 'at night', seed: 3, operation: 'remix', index: 2, date, sourceImage: 'images/sunset.png' };
    assert.equal(expandFileNameTemplate(DEFAULT_FILE_NAME_TEMPLATE, remix), 'sunset-remix-2');
    assert.equal(expandFileNameTemplate('', { ...remix, operation: 'upscale', index: 1 }), 'sunset-upscaled');
    assert.equal(expandFileNameTemplate('${source}-${seed}', { ...remix, sourceImage: 'C:\\pics\\my photo.v2.jpg' }), 'my-photo.v2-3');
    assert.equal(expandFileNameTemplate('${date}-${slug}', remix), '2026-11-24-at-night');
    assert.equal(expandFileNameTemplate(DEFAULT_FILE_NAME_TEMPLATE, { ...remix, sourceImage: undefined }), 'at-night-3');
  });

  it('never produces separators, reserved characters or reserved names', () => {
    const name = expandFileNameTemplate('../${slug}/a:b*c?', { prompt: 'x', operation: 'generate', index: 1, date });
    assert.ok(!/[/\\:*?"<>|]/.test(name), name);
    assert.ok(!name.startsWith('.'));
    assert.equal(sanitizeFileName('CON'), 'CON-image');
    assert.equal(sanitizeFileName('...'), 'image');
    assert.equal(sanitizeFileName('a\u0000b'), 'a-b');
  });

  it('falls back to the operation when the prompt has no usable characters', () => {
    assert.equal(expandFileNameTemplate('${slug}', { prompt: '!!!', operation: 'upscale', index: 1, date }), 'upscale');
  });

  it('numbers collision candidates name, name-1, name-2', () => {
    assert.deepEqual([0, 1, 2].map((n) => candidateName('img', n)), ['img', 'img-1', 'img-2']);
  });

  it('caps a name at 120 bytes of UTF-8, whole characters only (file systems count bytes)', () => {
    const name = sanitizeFileName('寺'.repeat(120));
    assert.equal(name, '寺'.repeat(40));
    assert.equal(sanitizeFileName('a'.repeat(200)), 'a'.repeat(120));
    assert.equal(sanitizeFileName(`${'a'.repeat(119)}é`), 'a'.repeat(119), 'a two-byte character is not cut in half');
  });
});
