// The local server in its own process for the bench, so the server's CPU work (PNG padding,
// multipart parsing, 10 MB bodies) neither slows nor inflates the client being measured.
// Options arrive as one JSON argument; it exits when its parent goes away (IPC disconnect).
import { startMockServer, type MockServerOptions } from '../../../tools/mock-server';

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as MockServerOptions;
  const server = await startMockServer({ ...options, host: '127.0.0.1', port: 0 });
  const stop = (): void => {
    void server.close().finally(() => process.exit(0));
  };
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
  process.send?.({ baseUrl: server.baseUrl });
}

main().catch((err: unknown) => {
  process.stderr.write(`bench server: ${(err as Error).message}\n`);
  process.exit(1);
});
