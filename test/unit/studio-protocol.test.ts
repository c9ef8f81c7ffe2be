import { strict as assert } from 'node:assert';
import { parsePersistedState, parseWebviewMessage } from '../../src/common/protocol';
import { DEFAULT_FORM } from '../../src/common/studioForm';

describe('Studio protocol: messages from the webview', () => {
  it('accepts every well-formed message type', () => {
    const messages: unknown[] = [
      { type: 'ready' },
      { type: 'run', form: DEFAULT_FORM },
      { type: 'run', form: { ...DEFAULT_FORM, mode: 'remix' }, reference: 'file:///w/a.png' },
      { type: 'cancel' },
      { type: 'fileAction', action: 'insert', uri: 'file:///w/assets/ideogram/a.png' },
      { type: 'copyText', text: 'a fox' },
      { type: 'writeAltText', image: 'file:///w/images/a.png', text: 'a fox in the snow' },
      { type: 'searchImages', query: 'logo' },
      { type: 'dropUris', uris: ['file:///w/a.png'] },
      { type: 'history', query: '', offset: 0, limit: 50 },
    ];
    for (const message of messages) assert.deepEqual(parseWebviewMessage(message), message, JSON.stringify(message));
  });

  it('rejects unknown types, extra fields, wrong shapes and oversized input', () => {
    const bad: unknown[] = [
      undefined, null, 'ready', 42, [],
      { type: 'launchMissiles' },
      { type: 'ready', extra: true },
      { type: 'run' },
      { type: 'run', form: { ...DEFAULT_FORM, apiKey: 'x' } },
      { type: 'run', form: { ...DEFAULT_FORM, mode: 'edit' } },
      { type: 'fileAction', action: 'delete', uri: 'file:///a.png' },
      { type: 'fileAction', action: 'open', uri: '' },
      { type: 'history', query: '', offset: -1, limit: 10 },
      { type: 'history', query: '', offset: 0, limit: 100_000 },
      { type: 'copyText', text: 'x'.repeat(20_001) },
      { type: 'writeAltText', image: 'file:///w/a.png', text: 'x'.repeat(20_001) },
      { type: 'writeAltText', image: '', text: 'a fox' },
      { type: 'writeAltText', image: 'file:///w/a.png' },
      { type: 'writeAltText', image: 'file:///w/a.png', text: 'a fox', editor: 'file:///w/notes.md' },
      { type: 'dropUris', uris: new Array(33).fill('file:///a.png') },
      { type: 'run', form: { ...DEFAULT_FORM, prompt: 'p'.repeat(10_001) } },
    ];
    for (const message of bad) assert.equal(parseWebviewMessage(message), undefined, JSON.stringify(message)?.slice(0, 80));
  });

  it('restores valid persisted state and drops anything else', () => {
    assert.deepEqual(parsePersistedState({ form: DEFAULT_FORM, reference: 'file:///w/a.png' }), { form: DEFAULT_FORM, reference: 'file:///w/a.png' });
    assert.deepEqual(parsePersistedState(undefined), {});
    assert.deepEqual(parsePersistedState({ form: { mode: 'nope' } }), {});
    assert.deepEqual(parsePersistedState('garbage'), {});
  });
});
