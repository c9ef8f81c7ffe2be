// Test support for the gallery's index: real output folders in a temp directory, results written
// as the extension writes them (buildSidecar + serializeSidecar), and a FolderAccess wrapper that
// counts what is read and can hold a call until the test lets it go (to interleave events).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { FolderAccess } from '../../src/gallery/folderAccess';
import { createNodeFolderAccess } from '../../src/gallery/node/nodeFolderAccess';
import { createNodeIndexStore } from '../../src/gallery/node/nodeIndexStore';
import { ResultsIndex } from '../../src/gallery/resultsIndex';
import { sidecarPathFor, type SidecarLayout } from '../../src/common/sidecarLocation';
import { buildSidecar, serializeSidecar, type ImageOperation } from '../../src/common/sidecar';

/** One result to write. */
export interface ResultSpec {
  /** Image file name, e.g. 'fox.png'. */
  image: string;
  layout?: SidecarLayout;
  prompt?: string;
  negative?: string;
  returned?: string;
  model?: string;
  operation?: ImageOperation;
  created?: string;
  sourceImage?: string;
  /** false: write the sidecar only (its image is missing). */
  withImage?: boolean;
}

/** A written result: absolute paths and the index id (the sidecar's relative path). */
export interface WrittenResult { image: string; sidecar: string; id: string }

/** A temporary output folder and a separate storage folder (the extension's workspace storage). */
export async function makeFolders(): Promise<{ output: string; storage: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), 'ideogram-gallery-'));
  const output = path.join(root, 'workspace', 'assets', 'ideogram');
  const storage = path.join(root, 'storage');
  await mkdir(output, { recursive: true });
  return { output, storage, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/** The sidecar text the extension would write for `spec`. */
export function sidecarText(spec: ResultSpec): string {
  return serializeSidecar(buildSidecar({
    operation: spec.operation ?? 'generate',
    request: { prompt: spec.prompt ?? `prompt of ${spec.image}`, negative_prompt: spec.negative, model: spec.model ?? 'V_2', seed: 5 },
    image: { prompt: spec.returned, seed: 5, resolution: '1024x1024', is_image_safe: true },
    sourceImage: spec.sourceImage, provider: 'ideogram', extensionVersion: 'test', file: spec.image,
    now: new Date(spec.created ?? '2025-01-01T00:00:00Z'), size: { width: 1024, height: 1024 }, mime: 'image/png', bytes: 4,
  }));
}

/** Writes the image (unless withImage is false) and then its sidecar, as the save pipeline does. */
export async function writeResult(output: string, spec: ResultSpec): Promise<WrittenResult> {
  const id = sidecarPathFor(spec.image, spec.layout ?? 'beside');
  const image = path.join(output, spec.image);
  const sidecar = path.join(output, ...id.split('/'));
  await mkdir(path.dirname(sidecar), { recursive: true });
  if (spec.withImage !== false) await writeFile(image, 'PNG!');
  await writeFile(sidecar, sidecarText(spec));
  return { image, sidecar, id };
}

type Method = 'list' | 'stampAll' | 'readAll';

/** Node folder access that records every path read and can hold one kind of call. */
export class ProbedAccess implements FolderAccess {
  readonly inner: FolderAccess;
  /** Paths passed to readAll, in order. */
  readonly reads: string[] = [];
  private held: { method: Method; gate: Promise<void>; release: () => void; reached: () => void; reachedGate: Promise<void> } | undefined;

  constructor(root: string) { this.inner = createNodeFolderAccess(root); }

  /** The next call of `method` does its work, then waits until `release()`; `reached` resolves when it waits. */
  hold(method: Method): { reached: Promise<void>; release: () => void } {
    let release!: () => void;
    let reached!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const reachedGate = new Promise<void>((resolve) => { reached = resolve; });
    this.held = { method, gate, release, reached, reachedGate };
    return { reached: reachedGate, release };
  }

  private async after<T>(method: Method, result: T): Promise<T> {
    const held = this.held;
    if (held?.method === method) {
      this.held = undefined;
      held.reached();
      await held.gate;
    }
    return result;
  }

  // A held call has done its work and waits before returning it: what it saw may be stale by then.
  async list(dir: string) { return this.after('list', await this.inner.list(dir)); }
  async stampAll(paths: readonly string[]) { return this.after('stampAll', await this.inner.stampAll(paths)); }
  async readAll(paths: readonly string[]) {
    this.reads.push(...paths);
    return this.after('readAll', await this.inner.readAll(paths));
  }
  relativePath(absolutePath: string) { return this.inner.relativePath(absolutePath); }
}

/** An index of `output` keeping its file under `storage`, reading through `access`. */
export function openIndex(output: string, storage: string, access: FolderAccess = createNodeFolderAccess(output), errors: unknown[] = []): ResultsIndex {
  return new ResultsIndex({ folder: access, store: createNodeIndexStore(storage, output), folderId: output, saveDelayMs: 60_000, onError: (e) => errors.push(e) });
}
