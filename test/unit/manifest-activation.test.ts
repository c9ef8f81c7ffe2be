import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';

describe('package manifest', () => {
  it('does not activate on every event', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { activationEvents?: string[] };
    assert.ok(!(manifest.activationEvents ?? []).includes('*'));
  });
});
