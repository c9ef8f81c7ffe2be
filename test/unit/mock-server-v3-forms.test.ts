// Each 3.0 request form can be switched off per server, and each operation made to answer 404, so a
// client's automatic form choice (send the official form, fall back once to Crazyrouter's JSON on a
// 400/415 complaint) and a provider without an endpoint can be tested end to end.
import { strict as assert } from 'node:assert';
import { startMockServer, type MockServer } from '../../tools/mock-server';
import { apiKey, bearer, gradientPng, KEY, maskPng, ok, postJson, postParts, refusal } from './mockServerV3';

const RELAY_GENERATE = '/ideogram/v1/ideogram-v3/generate';

/** A relay's complaint: its status, and the OpenAI-style body relays send. */
async function relayComplaint(res: Response): Promise<{ status: number; message: string; code: string }> {
  const body = (await res.json()) as { error: { message: string; type: string; code: string } };
  assert.equal(body.error.type, 'invalid_request_error');
  return { status: res.status, message: body.error.message, code: body.error.code };
}

describe('mock server 3.0: request forms switched on and off', () => {
  let server: MockServer;
  let image: Buffer;
  before(async () => {
    server = await startMockServer({ key: KEY });
    image = gradientPng(32, 32);
  });
  after(async () => { await server.close(); });
  beforeEach(() => server.reset());

  it('both forms on (the default): the same relay path takes official multipart and Crazyrouter JSON', async () => {
    await ok(await postParts(server, RELAY_GENERATE, [['prompt', 'p'], ['aspect_ratio', '16x9']], bearer));
    await ok(await postJson(server, RELAY_GENERATE, { prompt: 'p', aspect_ratio: 'ASPECT_16_9' }, bearer));
    await ok(await postJson(server, RELAY_GENERATE, { prompt: 'p', aspect_ratio: '16x9' }, bearer));
    assert.deepEqual(server.requests.map((r) => r.form), ['official', 'crazyrouter-json', 'official']);
  });

  it('official off (a Crazyrouter-like relay): multipart → 415 about the content type, official names → 400 about the fields', async () => {
    server.setForms({ official: false });
    const multipart = await relayComplaint(await postParts(server, RELAY_GENERATE, [['prompt', 'p'], ['aspect_ratio', '16x9']], bearer));
    assert.deepEqual([multipart.status, multipart.code], [415, 'unsupported_content_type']);
    assert.match(multipart.message, /^Unsupported Content-Type multipart\/form-data for \/ideogram\/v1\/ideogram-v3\/generate: this endpoint takes application\/json\.$/);
    const officialJson = await relayComplaint(await postJson(server, RELAY_GENERATE, { prompt: 'p', magic_prompt: 'ON' }, bearer));
    assert.deepEqual([officialJson.status, officialJson.code], [400, 'invalid_request']);
    assert.match(officialJson.message, /unevaluated properties: "magic_prompt"/);
    const officialAspect = await relayComplaint(await postJson(server, RELAY_GENERATE, { prompt: 'p', aspect_ratio: '16x9' }, bearer));
    assert.match(officialAspect.message, /\/aspect_ratio must be equal to one of the allowed values: ASPECT_1_3/);
    const edit = await relayComplaint(await postParts(server, '/ideogram/v1/ideogram-v3/edit', [['image', { bytes: image }], ['mask', { bytes: image }], ['prompt', 'p']], bearer));
    assert.equal(edit.status, 415);
    // The fallback a client makes: the same request in the page's JSON form.
    const fallback = await ok(await postJson(server, RELAY_GENERATE, { prompt: 'p', aspect_ratio: 'ASPECT_16_9', magic_prompt_option: 'ON' }, bearer));
    assert.equal(fallback.data[0].resolution, '1312x736');
    assert.deepEqual(server.requests.map((r) => r.form), [undefined, undefined, undefined, undefined, 'crazyrouter-json']);
  });

  it('official off: inpaint and generate-transparent, which the page does not document, take no form at all', async () => {
    server.setForms({ official: false });
    const inpaint = await relayComplaint(await postJson(server, '/ideogram/v1/ideogram-v3/inpaint', { prompt: 'p', image: 'https://example.com/a.png' }, bearer));
    assert.equal(inpaint.status, 415);
    assert.match(inpaint.message, /this endpoint takes no request form here/);
    const transparent = await relayComplaint(await postJson(server, '/ideogram/v1/ideogram-v3/generate-transparent', { prompt: 'p' }, bearer));
    assert.equal(transparent.status, 415);
    const official = await refusal(await postParts(server, '/v1/ideogram-v3/generate', [['prompt', 'p']], apiKey));
    assert.equal(official.status, 415, 'the switch is per server: the vendor paths lose the form too');
  });

  it('Crazyrouter JSON off (an AiHubMix-like relay): its bodies get the vendor\'s complaints; multipart still works', async () => {
    server.setForms({ 'crazyrouter-json': false });
    const edit = await relayComplaint(await postJson(server, '/ideogram/v1/ideogram-v3/edit', { prompt: 'p', image: 'https://example.com/a.png' }, bearer));
    assert.equal(edit.status, 415);
    assert.match(edit.message, /application\/json for \/ideogram\/v1\/ideogram-v3\/edit: this endpoint takes multipart\/form-data\./);
    const generate = await relayComplaint(await postJson(server, RELAY_GENERATE, { prompt: 'p', aspect_ratio: 'ASPECT_16_9', model: 'V_3' }, bearer));
    assert.equal(generate.status, 400);
    assert.match(generate.message, /\/aspect_ratio must be equal to one of the allowed values: 1x3/);
    await ok(await postParts(server, '/ideogram/v1/ideogram-v3/edit', [['image', { bytes: image }], ['mask', { bytes: maskPng(32, 32, (x) => x < 4) }], ['prompt', 'p']], apiKey));
    await ok(await postJson(server, RELAY_GENERATE, { prompt: 'p', aspect_ratio: '16x9' }, bearer));
  });

  it('switches over HTTP (no key), checked; reset() restores the forms the server started with', async () => {
    const set = await fetch(`${server.baseUrl}/__mock/forms`, { method: 'POST', body: JSON.stringify({ official: false }) });
    assert.deepEqual([set.status, await set.json()], [200, { ok: true, forms: { official: false, 'crazyrouter-json': true } }]);
    assert.deepEqual(await (await fetch(`${server.baseUrl}/__mock/forms`)).json(), { official: false, 'crazyrouter-json': true });
    assert.equal((await postParts(server, RELAY_GENERATE, [['prompt', 'p']], bearer)).status, 415);
    for (const bad of ['{"offical": false}', '{"official": "no"}', '[]', 'nope']) {
      const res = await fetch(`${server.baseUrl}/__mock/forms`, { method: 'POST', body: bad });
      assert.equal(res.status, 400, bad);
    }
    assert.throws(() => server.setForms({ ['json' as 'official']: false }), /Unknown form "json"/);
    server.reset();
    assert.equal((await postParts(server, RELAY_GENERATE, [['prompt', 'p']], bearer)).status, 200);
  });

  it('startMockServer({ forms }) sets the starting state, which reset() comes back to', async () => {
    const relayOnly = await startMockServer({ key: KEY, forms: { official: false } });
    try {
      assert.equal((await postParts(relayOnly, RELAY_GENERATE, [['prompt', 'p']], bearer)).status, 415);
      relayOnly.setForms({ official: true });
      assert.equal((await postParts(relayOnly, RELAY_GENERATE, [['prompt', 'p']], bearer)).status, 200);
      relayOnly.reset();
      assert.equal((await postParts(relayOnly, RELAY_GENERATE, [['prompt', 'p']], bearer)).status, 415);
    } finally {
      await relayOnly.close();
    }
  });
});

describe('mock server 3.0: routes a provider lacks answer 404', () => {
  let server: MockServer;
  let image: Buffer;
  before(async () => {
    server = await startMockServer({ key: KEY });
    image = gradientPng(16, 16);
  });
  after(async () => { await server.close(); });
  beforeEach(() => server.reset());

  it('setMissingRoutes: the operation answers 404 in the dialect\'s shape on both paths, whatever the key; others still work', async () => {
    server.setMissingRoutes(['remove-background', 'inpaint']);
    const official = await postParts(server, '/v1/remove-background', [['image', { bytes: image }]], apiKey);
    assert.deepEqual([official.status, await official.json()], [404, { error: 'Invalid URL (POST /v1/remove-background)' }]);
    const relay = await relayComplaint(await postParts(server, '/ideogram/v1/ideogram-v3/inpaint', [['image', { bytes: image }]], { Authorization: 'Bearer wrong' }));
    assert.deepEqual([relay.status, relay.code], [404, 'not_found']);
    await ok(await postParts(server, '/v1/ideogram-v3/edit', [['image', { bytes: image }], ['mask', { bytes: maskPng(16, 16, () => false) }], ['prompt', 'p']]));
    assert.deepEqual(server.requests.map((r) => [r.operation, r.path]), [
      ['remove-background', '/v1/remove-background'], ['inpaint', '/ideogram/v1/ideogram-v3/inpaint'], ['edit', '/v1/ideogram-v3/edit'],
    ], 'a request to a missing route is still logged, so a test can see the client tried once');
  });

  it('over HTTP: POST /__mock/routes {"missing": […]}, GET it back; unknown names refused; reset() restores', async () => {
    const set = await fetch(`${server.baseUrl}/__mock/routes`, { method: 'POST', body: JSON.stringify({ missing: ['generate-transparent'] }) });
    assert.deepEqual([set.status, await set.json()], [200, { ok: true, missing: ['generate-transparent'] }]);
    assert.deepEqual(await (await fetch(`${server.baseUrl}/__mock/routes`)).json(), { missing: ['generate-transparent'] });
    assert.equal((await postJson(server, '/v1/ideogram-v3/generate-transparent', { prompt: 'p' })).status, 404);
    const bad = await fetch(`${server.baseUrl}/__mock/routes`, { method: 'POST', body: JSON.stringify({ missing: ['describe'] }) });
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { error: string }).error, /Unknown operation "describe"/);
    server.reset();
    assert.equal((await postJson(server, '/v1/ideogram-v3/generate-transparent', { prompt: 'p' })).status, 200);
  });

  it('startMockServer({ missingRoutes }) and the relays\' remove-background, which no relay documents', async () => {
    const noInpaint = await startMockServer({ key: KEY, missingRoutes: ['inpaint'] });
    try {
      assert.equal((await postParts(noInpaint, '/v1/ideogram-v3/inpaint', [['prompt', 'p']])).status, 404);
    } finally {
      await noInpaint.close();
    }
    await assert.rejects(startMockServer({ missingRoutes: ['upscale' as never] }), /Unknown operation "upscale"/);
    const relay = await relayComplaint(await postParts(server, '/ideogram/v1/remove-background', [['image', { bytes: image }]], bearer));
    assert.equal(relay.status, 404);
    assert.equal(server.requests.length, 0, 'not a route of this server at all');
  });
});
