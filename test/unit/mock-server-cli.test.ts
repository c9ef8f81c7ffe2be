// `npm run mock-server` as a separate process: prints its base URL when ready, answers a curl-style
// call, prints the key only when it is the public default, and exits cleanly on SIGTERM/SIGINT.
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';

const LISTENING = /^Ideogram mock server listening on (http:\/\/127\.0\.0\.1:(\d+))$/m;

interface RunningCli { child: ChildProcessWithoutNullStreams; baseUrl: string; output: () => string }

/** Starts tools/mock-server/cli.ts the way the npm script does (tsx) and waits for the ready line. */
async function startCli(args: string[]): Promise<RunningCli> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tools/mock-server/cli.ts', ...args], { cwd: process.cwd() });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (s: string) => { out += s; });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`CLI did not print its listening line in time:\n${out}`)), 15_000);
    child.stdout.on('data', (s: string) => {
      out += s;
      const m = LISTENING.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`CLI exited early (${code}):\n${out}`)); });
  });
  return { child, baseUrl, output: () => out };
}

async function stop(cli: RunningCli, signal: NodeJS.Signals): Promise<number | null> {
  if (cli.child.exitCode !== null) return cli.child.exitCode;
  const exited = once(cli.child, 'exit');
  cli.child.kill(signal);
  const [code] = (await exited) as [number | null];
  return code;
}

describe('mock server CLI', function () {
  this.timeout(30_000);

  it('with --key K: prints only the listening line, answers a Bearer generate, exits 0 on SIGTERM', async () => {
    const cli = await startCli(['--port', '0', '--key', 'sk-cli-private-key', '--latency', '10']);
    try {
      const res = await fetch(`${cli.baseUrl}/ideogram/generate`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer sk-cli-private-key' },
        body: JSON.stringify({ image_request: { prompt: 'A futuristic cityscape at night with neon lights', model: 'V_2', aspect_ratio: 'ASPECT_16_9', magic_prompt_option: 'AUTO' } }),
      });
      assert.equal(res.status, 200);
      const body = (await res.json()) as { data: { resolution: string; url: string }[] };
      assert.equal(body.data[0].resolution, '1344x768');
      assert.ok(body.data[0].url.startsWith(cli.baseUrl));
      assert.ok(!cli.output().includes('sk-cli-private-key'), 'a custom key is never printed');
    } finally {
      assert.equal(await stop(cli, 'SIGTERM'), 0);
    }
  });

  it('with the default key: also prints that the accepted key is test-key, exits 0 on SIGINT', async () => {
    const cli = await startCli(['--port', '0']);
    try {
      assert.match(cli.output(), /^Accepted key: test-key \(the default test key\)$/m);
      const form = new FormData();
      form.append('image_file', new Blob([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])]), 'x.png');
      const res = await fetch(`${cli.baseUrl}/describe`, { method: 'POST', headers: { 'Api-Key': 'test-key' }, body: form });
      assert.equal(res.status, 200);
    } finally {
      assert.equal(await stop(cli, 'SIGINT'), 0);
    }
  });

  it('exits 0 on SIGINT sent the instant the listening line appears (handlers are installed before it)', async () => {
    // The race a loaded machine exposed: the signal used to be able to land between the ready line
    // and process.on('SIGINT'), so Node's default action killed the CLI (exit code null).
    for (let attempt = 0; attempt < 3; attempt++) {
      const child = spawn(process.execPath, ['--import', 'tsx', 'tools/mock-server/cli.ts', '--port', '0'], { cwd: process.cwd() });
      let out = '';
      let signalled = false;
      child.stdout.setEncoding('utf8').on('data', (s: string) => {
        out += s;
        if (!signalled && LISTENING.test(out)) { signalled = true; child.kill('SIGINT'); }
      });
      const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
      assert.equal(signal, null, `attempt ${attempt + 1}: killed by ${String(signal)} instead of exiting\n${out}`);
      assert.equal(code, 0, `attempt ${attempt + 1}: exit code\n${out}`);
      assert.match(out, /^Accepted key: test-key \(the default test key\)$/m, 'the key line comes with the ready line');
    }
  });

  it('refuses a malformed option with a message and a non-zero exit', async () => {
    for (const [args, message] of [
      [['--port', 'abc'], /--port must be a non-negative integer/],
      [['--forms', 'official,json'], /--forms takes official, crazyrouter-json; got "json"/],
      [['--missing-routes', 'describe'], /Unknown operation "describe"/],
    ] as [string[], RegExp][]) {
      const child = spawn(process.execPath, ['--import', 'tsx', 'tools/mock-server/cli.ts', '--port', '0', ...args]);
      let err = '';
      child.stderr.setEncoding('utf8').on('data', (s: string) => { err += s; });
      // Should it start after all, stop it (exit 0) so the assertion below fails instead of the run hanging.
      child.stdout.setEncoding('utf8').on('data', (s: string) => { if (LISTENING.test(s)) child.kill('SIGTERM'); });
      const [code] = (await once(child, 'exit')) as [number | null];
      assert.notEqual(code, 0, args.join(' '));
      assert.match(err, message);
    }
  });

  it('--forms and --missing-routes set the 3.0 switches: a Crazyrouter-like server without inpaint', async () => {
    const cli = await startCli(['--port', '0', '--forms', 'crazyrouter-json', '--missing-routes', 'inpaint,generate-transparent']);
    try {
      const headers = { Authorization: 'Bearer test-key' };
      const multipart = new FormData();
      multipart.append('prompt', 'p');
      const official = await fetch(`${cli.baseUrl}/ideogram/v1/ideogram-v3/generate`, { method: 'POST', headers, body: multipart });
      assert.equal(official.status, 415);
      const json = await fetch(`${cli.baseUrl}/ideogram/v1/ideogram-v3/generate`, {
        method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify({ prompt: 'p', aspect_ratio: 'ASPECT_1_1' }),
      });
      assert.equal(json.status, 200);
      const inpaint = await fetch(`${cli.baseUrl}/ideogram/v1/ideogram-v3/inpaint`, { method: 'POST', headers, body: multipart });
      assert.equal(inpaint.status, 404);
      assert.deepEqual(await (await fetch(`${cli.baseUrl}/__mock/forms`)).json(), { official: false, 'crazyrouter-json': true });
    } finally {
      assert.equal(await stop(cli, 'SIGTERM'), 0);
    }
  });
});
