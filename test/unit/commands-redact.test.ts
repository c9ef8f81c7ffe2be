import { strict as assert } from 'node:assert';
import { redactText } from '../../src/services/redact';

describe('redaction (commands)', () => {
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
});
