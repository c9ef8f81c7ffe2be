// `npm run mock-server -- --port N --key K [--latency MS] [--image-bytes N] [--inflight-limit N] [--forms LIST] [--missing-routes LIST]`
// Prints its base URL when ready (the rig and the demo wait for that exact line) and stops on SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { startMockServer } from './server';
import { DEFAULT_TEST_KEY, V3_FORMS, type V3Form, type V3FormSwitches, type V3Operation } from './types';

const USAGE = 'Usage: npm run mock-server -- [--port 8787] [--key test-key] [--latency MS] [--image-bytes N] [--inflight-limit N]'
  + ` [--forms ${V3_FORMS.join(',')}] [--missing-routes remove-background,…]\n`;

function nonNegativeInt(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, got "${value}".`);
  return n;
}

/** A comma-separated list; an empty value is an empty list. */
function list(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(',').map((item) => item.trim()).filter((item) => item !== '');
}

/** `--forms official` → { official: true, 'crazyrouter-json': false }: the forms listed are on, the others off. */
function formSwitches(value: string | undefined): V3FormSwitches | undefined {
  const named = list(value);
  if (!named) return undefined;
  const unknown = named.find((name) => !V3_FORMS.includes(name as V3Form));
  if (unknown !== undefined) throw new Error(`--forms takes ${V3_FORMS.join(', ')}; got "${unknown}".`);
  return Object.fromEntries(V3_FORMS.map((form) => [form, named.includes(form)])) as V3FormSwitches;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      key: { type: 'string' },
      latency: { type: 'string' },
      'image-bytes': { type: 'string' },
      'inflight-limit': { type: 'string' },
      forms: { type: 'string' },
      'missing-routes': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const key = values.key ?? DEFAULT_TEST_KEY;
  const server = await startMockServer({
    port: nonNegativeInt('port', values.port),
    key,
    latencyMs: nonNegativeInt('latency', values.latency),
    imageBytes: nonNegativeInt('image-bytes', values['image-bytes']),
    inflightLimit: nonNegativeInt('inflight-limit', values['inflight-limit']),
    forms: formSwitches(values.forms),
    // startMockServer checks the names and says which are valid.
    missingRoutes: list(values['missing-routes']) as V3Operation[] | undefined,
  });
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    server.close().then(() => process.exit(0), () => process.exit(1));
  };
  // Handlers first, then the ready line: a caller may signal the moment it reads that line, and a
  // signal that arrives before the handlers exist kills the process (exit code null, not 0).
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Only the public default key is ever printed; a real-looking key passed with --key stays off the console.
  const keyLine = key === DEFAULT_TEST_KEY ? `Accepted key: ${DEFAULT_TEST_KEY} (the default test key)\n` : '';
  // One write, so a reader that sees the ready line also sees the key line (not a later chunk).
  process.stdout.write(`Ideogram mock server listening on ${server.baseUrl}\n${keyLine}`);
}

main().catch((err: unknown) => {
  process.stderr.write(`mock-server: ${(err as Error).message}\n`);
  process.exit(1);
});
