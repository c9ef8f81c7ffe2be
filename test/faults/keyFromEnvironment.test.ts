// IDEOGRAM_API_KEY as CI secrets and `export` lines often leave it: with a trailing newline. The
// client sends the key trimmed, so the log must know the key in that form, or a relay that echoes
// it puts it into log lines. The real key store and log run on the vscode stand-in.
// The stand-in must be in place before src/secrets and src/log (which import vscode) are loaded.
import { outputLines } from '../support/vscode/standIn';
import { strict as assert } from 'node:assert';
import { IdeogramClient } from '../../src/ideogram';
import { providerDefaults } from '../../src/common/provider';
import { IdeogramLog } from '../../src/common/vscode/log';
import { API_KEY_ENV, ApiKeyStore } from '../../src/common/vscode/secrets';
import { startMockServer, type MockServer } from '../../tools/mock-server';

const KEY = 'sk-env-newline-SECRET-5d2e';

// No key stored in the keychain: the environment variable is the key.
const emptyKeychain = {
  get: () => Promise.resolve(undefined),
  store: () => Promise.resolve(),
  delete: () => Promise.resolve(),
  onDidChange: () => ({ dispose: () => undefined }),
};

describe('IDEOGRAM_API_KEY with a trailing newline', () => {
  let server: MockServer;
  let saved: string | undefined;

  before(async () => {
    saved = process.env[API_KEY_ENV];
    server = await startMockServer({ key: KEY });
  });
  after(async () => {
    if (saved === undefined) delete process.env[API_KEY_ENV];
    else process.env[API_KEY_ENV] = saved;
    await server.close();
  });

  it('is trimmed where it is read, so the log redacts the key exactly as it is sent', async () => {
    process.env[API_KEY_ENV] = `${KEY}\n`;
    const keys = new ApiKeyStore(emptyKeychain as never);
    const log = new IdeogramLog(() => keys.knownSecrets());
    assert.equal(await keys.get(), KEY, 'the key store hands out the trimmed key');
    // A relay that echoes the credential it received: the server accepted the key, so this is what was sent.
    server.setFault({ mode: 'echo-key', count: 1 });
    const client = new IdeogramClient({
      config: { ...providerDefaults('crazyrouter'), baseUrl: server.baseUrl },
      getApiKey: () => keys.get(), maxRetries: 0, onRequest: (entry) => log.request(entry),
    });
    const [image] = (await client.generate({ prompt: 'a lighthouse', num_images: 1 })).images;
    assert.equal(image?.style_type, KEY, 'the relay echoed the key');
    const linesBefore = outputLines.length;
    log.warn(`relay answered with style ${image.style_type} and prompt ${String(image.prompt)}`);
    const written = outputLines.slice(linesBefore).join('\n');
    assert.ok(written.includes('[redacted]'), written);
    assert.ok(!outputLines.some((line) => line.includes(KEY)), `the key is in the log: ${outputLines.join('\n')}`);
    await client.dispose();
    keys.dispose();
  });
});
