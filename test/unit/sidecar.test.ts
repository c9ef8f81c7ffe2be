import { strict as assert } from 'node:assert';
import { buildSidecar, pageHistory, parseSidecar, serializeSidecar, type Sidecar } from '../../src/common/sidecar';

describe('sidecars', () => {
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
