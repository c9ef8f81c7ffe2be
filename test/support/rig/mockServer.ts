// The local Ideogram-compatible server (tools/mock-server, issue 2), started in the rig's process
// so e2e tests can read its recorded requests directly.
import { startMockServer, type MockServer } from '../../../tools/mock-server';
import { onCleanup } from './processes';

/** Starts the server on a loopback port (free one by default) accepting `key`; closed on cleanup. */
export async function startRigMockServer(key: string, port = 0): Promise<MockServer> {
  const server = await startMockServer({ port, key });
  onCleanup(() => server.close());
  return server;
}
