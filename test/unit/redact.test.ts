import { strict as assert } from 'node:assert';
import { redactStrings, redactText, redactUrlSecrets } from '../../src/common/redact';

describe('redaction', () => {
  it('removes known keys, also URL-encoded', () => {
    assert.equal(redactText('key sk-abc/123 and sk-abc%2F123', ['sk-abc/123']), 'key [redacted] and [redacted]');
  });

  it('masks header-shaped credentials even for unknown keys', () => {
    assert.equal(redactText('Authorization: Bearer abcdef123', []), 'Authorization: Bearer [redacted]');
    assert.equal(redactText('{"api-key":"zzz999"}', []), '{"api-key":"[redacted]"}');
    assert.equal(redactText('x-api-key=qq1, next', []), 'x-api-key=[redacted], next');
  });

  it('leaves ordinary text alone', () => {
    assert.equal(redactText('POST http://127.0.0.1:9/ideogram/generate → 200 in 5 ms', ['rig-test-key-0001']), 'POST http://127.0.0.1:9/ideogram/generate → 200 in 5 ms');
  });

  it('redacts every string of a nested value, keys included, and leaves other values alone', () => {
    const redact = (text: string) => redactText(text, ['sk-deep-123']);
    const value = { prompt: 'a sk-deep-123', n: 2, ok: true, none: null, list: ['x', { 'sk-deep-123': 'sk-deep-123' }] };
    assert.deepEqual(redactStrings(value, redact), { prompt: 'a [redacted]', n: 2, ok: true, none: null, list: ['x', { '[redacted]': '[redacted]' }] });
    assert.equal(value.prompt, 'a sk-deep-123', 'the original is not changed');
  });
});

describe('redaction of URLs in setting values', () => {
  it('masks credentials and query strings, keeping scheme, host and path', () => {
    assert.equal(redactUrlSecrets('socks5://alice:S3cretProxyPass@proxy.corp:1080'), 'socks5://[redacted]@proxy.corp:1080');
    assert.equal(redactUrlSecrets('"https://tok3n@relay.example/v1?key=abc&x=1#top"'), '"https://[redacted]@relay.example/v1?[redacted]#top"');
    assert.equal(redactUrlSecrets('http://user:p@ss@host:8080/path'), 'http://[redacted]@host:8080/path', 'an @ in the password');
    assert.equal(redactUrlSecrets('ftp://x and http://plain.example/a'), 'ftp://x and http://plain.example/a');
    assert.equal(redactUrlSecrets('no url? a@b (mail)'), 'no url? a@b (mail)');
  });
});
