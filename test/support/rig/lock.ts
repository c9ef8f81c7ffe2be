// A lock between rig runs in the same working tree (runs share out/ and test-results/):
// two runs would otherwise package into the same out/*.vsix and wipe each other's run folders.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RigError } from './errors';
import { delay } from './processes';

/** Runs `work` while holding the lock folder `lockDir`; waits (up to `maxWaitMs`) while another live process holds it. */
export async function withLock<T>(lockDir: string, what: string, work: () => Promise<T>, maxWaitMs = 30 * 60_000): Promise<T> {
  mkdirSync(path.dirname(lockDir), { recursive: true });
  const deadline = Date.now() + maxWaitMs;
  let announced = false;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch {
      const holder = lockHolder(lockDir);
      if (holder === undefined) {
        rmSync(lockDir, { recursive: true, force: true }); // stale: its process is gone
        continue;
      }
      if (!announced) console.log(`rig: waiting for another ${what} (pid ${holder}) to finish…`);
      announced = true;
      if (Date.now() > deadline) throw new RigError(`waited ${Math.round(maxWaitMs / 60_000)} min for another ${what} (lock ${lockDir})`);
      await delay(2000);
    }
  }
  const release = (): void => rmSync(lockDir, { recursive: true, force: true });
  process.once('exit', release);
  try {
    return await work();
  } finally {
    release();
    process.removeListener('exit', release);
  }
}

/** The pid holding the lock, or undefined when the holder is gone. */
function lockHolder(lockDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(path.join(lockDir, 'pid'), 'utf8'));
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}
