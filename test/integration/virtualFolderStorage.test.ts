// Saving into a workspace folder that is not `file:` (a virtual file system, as with vscode-vfs):
// the image service must then write through vscode.workspace.fs (the buffered storage), with the
// same names, counters and sidecars as on disk, and read input images through it too. The rig's
// own workspace is `file:`, so this registers a small in-memory file system to get there.
import { strict as assert } from 'node:assert';
import path from 'node:path';
import * as vscode from 'vscode';
import type { IdeogramExtensionApi } from '../../src/extension';
import { extension, rigEnvironment } from './helpers/rig';

const SCHEME = 'ideogram-test-mem';

type Entry = { type: vscode.FileType.File; data: Uint8Array; mtime: number } | { type: vscode.FileType.Directory; mtime: number };

// Just enough of a FileSystemProvider for the storage: flat map of paths, no watching.
class MemoryFileSystem implements vscode.FileSystemProvider {
  readonly entries = new Map<string, Entry>([['/', { type: vscode.FileType.Directory, mtime: Date.now() }]]);
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;

  watch(): vscode.Disposable { return new vscode.Disposable(() => undefined); }
  stat(uri: vscode.Uri): vscode.FileStat {
    const entry = this.get(uri);
    return { type: entry.type, ctime: entry.mtime, mtime: entry.mtime, size: entry.type === vscode.FileType.File ? entry.data.byteLength : 0 };
  }
  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    const prefix = uri.path.endsWith('/') ? uri.path : `${uri.path}/`;
    return [...this.entries].filter(([p]) => p.startsWith(prefix) && p !== prefix && !p.slice(prefix.length).includes('/'))
      .map(([p, e]) => [p.slice(prefix.length), e.type]);
  }
  createDirectory(uri: vscode.Uri): void {
    this.get(uri.with({ path: path.posix.dirname(uri.path) }));
    if (!this.entries.has(uri.path)) this.entries.set(uri.path, { type: vscode.FileType.Directory, mtime: Date.now() });
  }
  readFile(uri: vscode.Uri): Uint8Array {
    const entry = this.get(uri);
    if (entry.type !== vscode.FileType.File) throw vscode.FileSystemError.FileIsADirectory(uri);
    return entry.data;
  }
  writeFile(uri: vscode.Uri, content: Uint8Array, options: { create: boolean; overwrite: boolean }): void {
    this.get(uri.with({ path: path.posix.dirname(uri.path) }));
    const exists = this.entries.has(uri.path);
    if (exists && !options.overwrite) throw vscode.FileSystemError.FileExists(uri);
    if (!exists && !options.create) throw vscode.FileSystemError.FileNotFound(uri);
    this.entries.set(uri.path, { type: vscode.FileType.File, data: content, mtime: Date.now() });
  }
  delete(uri: vscode.Uri): void {
    this.get(uri);
    this.entries.delete(uri.path);
  }
  rename(from: vscode.Uri, to: vscode.Uri, options: { overwrite: boolean }): void {
    const entry = this.get(from);
    if (this.entries.has(to.path) && !options.overwrite) throw vscode.FileSystemError.FileExists(to);
    this.entries.delete(from.path);
    this.entries.set(to.path, entry);
  }
  private get(uri: vscode.Uri): Entry {
    const entry = this.entries.get(uri.path);
    if (!entry) throw vscode.FileSystemError.FileNotFound(uri);
    return entry;
  }
}

describe('saving into a virtual (non-file:) workspace folder', function () {
  this.timeout(60_000);
  const memory = new MemoryFileSystem();
  const root = vscode.Uri.from({ scheme: SCHEME, path: '/project' });
  const folder: vscode.WorkspaceFolder = { uri: root, name: 'virtual', index: 0 };
  const output = vscode.Uri.joinPath(root, 'assets', 'ideogram');
  let api: IdeogramExtensionApi;
  let registration: vscode.Disposable;

  before(async () => {
    registration = vscode.workspace.registerFileSystemProvider(SCHEME, memory, { isCaseSensitive: true });
    await vscode.workspace.fs.createDirectory(root);
    api = (await extension().activate()) as IdeogramExtensionApi;
    await vscode.commands.executeCommand('ideogram.setApiKey', rigEnvironment().apiKey);
  });
  after(() => registration.dispose());

  const names = async (): Promise<string[]> => (await vscode.workspace.fs.readDirectory(output)).map(([name]) => name).sort();

  it('writes images and sidecars through workspace.fs, with counters shared by image and sidecar', async () => {
    const request = { prompt: 'A lantern in fog', seed: 77, num_images: 2, model: 'V_2' as const };
    const first = await api.generate(request, { folder });
    assert.equal(first.saved.length, 2);
    for (const saved of first.saved) {
      assert.equal(saved.uri.scheme, SCHEME);
      const bytes = await vscode.workspace.fs.readFile(saved.uri);
      assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'a PNG');
      const sidecar = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(saved.sidecarUri))) as Record<string, unknown>;
      assert.equal(sidecar.file, path.posix.basename(saved.uri.path));
      assert.equal(sidecar.bytes, bytes.byteLength);
      assert.equal(saved.sidecarUri.path, saved.uri.path.replace(/\.png$/, '.json'));
    }
    // A sidecar alone is enough to take a name: the next image skips it.
    const base = path.posix.basename(first.saved[0].uri.path, '.png');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(output, `${base}-1.json`), new TextEncoder().encode('{"mine":true}'));
    const again = await api.generate({ ...request, num_images: 1 }, { folder });
    assert.equal(path.posix.basename(again.saved[0].uri.path), `${base}-2.png`);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(output, `${base}-1.json`))), '{"mine":true}');
    assert.ok(!(await names()).some((name) => name.startsWith('.') || name.endsWith('.part')), 'no temporary files left');
  });

  it('remixes an image read through workspace.fs and records it as the source', async () => {
    const [input] = (await api.generate({ prompt: 'A source image', seed: 5, num_images: 1, model: 'V_2' }, { folder })).saved;
    const result = await api.remix({ prompt: 'The same at night', image_weight: 50, num_images: 1 }, input.uri, { folder });
    assert.equal(result.saved.length, 1);
    assert.equal(result.saved[0].sidecar.operation, 'remix');
    assert.ok(result.saved[0].sidecar.source_image?.endsWith('source-image-5.png'), result.saved[0].sidecar.source_image);
  });
});
