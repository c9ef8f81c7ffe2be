// vscode.workspace for the stand-in: workspace folders on the real disk, settings with VS Code's
// layering (manifest default < user < workspace) and `inspect`, and workspace.fs over Node fs for
// `file:` Uris, with VS Code's FileSystemError codes.
import { existsSync, readFileSync, watch, type FSWatcher } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { URI } from 'vscode-uri';
import { EventEmitter, FileSystemError, FileType, Uri, type CancellationToken, RelativePattern } from './basics';

/** A workspace folder as the API hands it out. */
export interface WorkspaceFolder { uri: URI; name: string; index: number }

/** Where a setting value was written. */
export type SettingsTarget = 'user' | 'workspace';

interface ConfigurationProperty { default?: unknown }

const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, ConfigurationProperty> } };
};

/** The defaults package.json contributes, by full setting id ("ideogram.outputFolder"). */
const manifestDefaults = new Map(Object.entries(manifest.contributes.configuration.properties).map(([id, p]) => [id, p.default]));

/** Mutable workspace state; `reset()` empties it between tests. */
export class StandInWorkspace {
  folders: WorkspaceFolder[] = [];
  readonly settings: Record<SettingsTarget, Map<string, unknown>> = { user: new Map(), workspace: new Map() };
  readonly configurationChanged = new EventEmitter<{ affectsConfiguration(section: string): boolean }>();
  readonly foldersChanged = new EventEmitter<{ added: WorkspaceFolder[]; removed: WorkspaceFolder[] }>();
  // No documents are opened in the stand-in; the events exist so listeners can subscribe.
  readonly documentOpened = new EventEmitter<unknown>();
  readonly documentChanged = new EventEmitter<unknown>();
  readonly documentClosed = new EventEmitter<unknown>();
  /** File-system watchers the extension created and has not disposed (closed by `reset`). */
  readonly watchers = new Set<FSWatcher>();

  reset(): void {
    for (const watcher of this.watchers) watcher.close();
    this.watchers.clear();
    this.folders = [];
    this.settings.user.clear();
    this.settings.workspace.clear();
  }

  /** Opens these folders (absolute paths) as the workspace, in order. */
  setFolders(paths: readonly string[]): void {
    const removed = this.folders;
    this.folders = paths.map((p, index) => ({ uri: Uri.file(p), name: path.basename(p), index }));
    this.foldersChanged.fire({ added: this.folders, removed });
  }

  /** Sets settings by full id ({ 'ideogram.outputFolder': 'out' }); undefined removes one. Fires the change event. */
  setSettings(values: Record<string, unknown>, target: SettingsTarget = 'user'): void {
    for (const [id, value] of Object.entries(values)) {
      if (value === undefined) this.settings[target].delete(id);
      else this.settings[target].set(id, value);
    }
    const ids = Object.keys(values);
    this.configurationChanged.fire({ affectsConfiguration: (section) => ids.some((id) => id === section || id.startsWith(`${section}.`)) });
  }

  /** vscode.workspace.getConfiguration. Folder-scoped values are the workspace's (one settings file). */
  getConfiguration(section?: string): Record<string, unknown> {
    const full = (key: string): string => (section ? `${section}.${key}` : key);
    const inspect = (key: string): Record<string, unknown> | undefined => {
      const id = full(key);
      return {
        key: id,
        defaultValue: manifestDefaults.get(id),
        globalValue: this.settings.user.get(id),
        workspaceValue: this.settings.workspace.get(id),
        workspaceFolderValue: undefined,
      };
    };
    const get = (key: string, fallback?: unknown): unknown => {
      const id = full(key);
      for (const value of [this.settings.workspace.get(id), this.settings.user.get(id), manifestDefaults.get(id)]) {
        if (value !== undefined) return value;
      }
      return fallback;
    };
    return {
      get,
      inspect,
      update: (key: string, value: unknown, target?: boolean | number) => {
        this.setSettings({ [full(key)]: value }, target === true || target === 1 || target === undefined ? 'user' : 'workspace');
        return Promise.resolve();
      },
    };
  }

  /** vscode.workspace.getWorkspaceFolder: the folder that contains `uri`. */
  getWorkspaceFolder(uri: URI): WorkspaceFolder | undefined {
    return this.folders.find((folder) => folder.uri.scheme === uri.scheme && isInside(folder.uri.path, uri.path));
  }

  /** vscode.workspace.asRelativePath, as VS Code computes it (folder name first in a multi-root workspace). */
  asRelativePath(pathOrUri: string | URI, includeWorkspaceFolder?: boolean): string {
    const uri = typeof pathOrUri === 'string' ? Uri.file(pathOrUri) : pathOrUri;
    const folder = this.getWorkspaceFolder(uri);
    if (!folder) return typeof pathOrUri === 'string' ? pathOrUri : uri.fsPath;
    const relative = path.posix.relative(folder.uri.path, uri.path);
    const withName = includeWorkspaceFolder ?? this.folders.length > 1;
    return withName ? `${folder.name}/${relative}` : relative;
  }

  /** vscode.workspace.findFiles over the workspace folders on disk (globs: **, *, ?, {a,b}). */
  async findFiles(include: string, exclude?: string | null, maxResults?: number, token?: CancellationToken): Promise<URI[]> {
    const includes = globToRegExp(include);
    const excludes = exclude ? globToRegExp(exclude) : undefined;
    const found: URI[] = [];
    for (const folder of this.folders) {
      for (const entry of await fs.readdir(folder.uri.fsPath, { recursive: true, withFileTypes: true })) {
        if (token?.isCancellationRequested || (maxResults !== undefined && found.length >= maxResults)) return found;
        if (!entry.isFile()) continue;
        const full = path.join(entry.parentPath, entry.name);
        const relative = path.relative(folder.uri.fsPath, full).split(path.sep).join('/');
        if (includes.test(relative) && !excludes?.test(relative)) found.push(Uri.file(full));
      }
    }
    return found;
  }
}

function isInside(folder: string, file: string): boolean {
  const relative = path.posix.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.posix.isAbsolute(relative));
}

/** A glob as VS Code's search reads it, as a RegExp over '/'-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      out += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '{') out += '(?:';
    else if (c === '}') out += ')';
    else if (c === ',') out += '|';
    else out += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`, 'i');
}

// Node fs errors as the FileSystemErrors workspace.fs throws.
function fsError(err: unknown, uri: URI): FileSystemError {
  switch ((err as NodeJS.ErrnoException).code) {
    case 'ENOENT': return FileSystemError.FileNotFound(uri);
    case 'EEXIST': return FileSystemError.FileExists(uri);
    case 'EISDIR': return FileSystemError.FileIsADirectory(uri);
    case 'ENOTDIR': return FileSystemError.FileNotADirectory(uri);
    case 'EACCES':
    case 'EPERM': return FileSystemError.NoPermissions(uri);
    default: return new FileSystemError(String(err));
  }
}

async function onDisk<T>(uri: URI, run: (file: string) => Promise<T>): Promise<T> {
  if (uri.scheme !== 'file') throw FileSystemError.Unavailable(uri);
  try {
    return await run(uri.fsPath);
  } catch (err) {
    throw fsError(err, uri);
  }
}

/** vscode.workspace.fs for `file:` Uris (other schemes are unavailable, as with no provider). */
export const workspaceFs = {
  stat: (uri: URI) => onDisk(uri, async (file) => {
    const info = await fs.stat(file);
    return { type: info.isDirectory() ? FileType.Directory : FileType.File, size: info.size, ctime: info.ctimeMs, mtime: info.mtimeMs };
  }),
  readFile: (uri: URI) => onDisk(uri, async (file) => new Uint8Array(await fs.readFile(file))),
  writeFile: (uri: URI, content: Uint8Array) => onDisk(uri, async (file) => {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, content);
  }),
  createDirectory: (uri: URI) => onDisk(uri, async (file) => { await fs.mkdir(file, { recursive: true }); }),
  readDirectory: (uri: URI) => onDisk(uri, async (file) =>
    (await fs.readdir(file, { withFileTypes: true })).map((e) => [e.name, e.isDirectory() ? FileType.Directory : FileType.File] as [string, number])),
  // Like code-server's remote files (the rig's editor): no trash, in VS Code's words.
  delete: (uri: URI, options?: { recursive?: boolean; useTrash?: boolean }) => {
    if (options?.useTrash) return Promise.reject(new FileSystemError(`Unable to delete file '${uri.toString()}' via trash because provider does not support it.`));
    return onDisk(uri, (file) => fs.rm(file, { recursive: options?.recursive ?? false }));
  },
  rename: (source: URI, target: URI, options?: { overwrite?: boolean }) => onDisk(source, async (file) => {
    if (!options?.overwrite && await fs.stat(target.fsPath).then(() => true, () => false)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    await fs.rename(file, target.fsPath);
  }),
  isWritableFileSystem: (scheme: string) => (scheme === 'file' ? true : undefined),
};

/**
 * vscode.workspace.createFileSystemWatcher for a RelativePattern over a `file:` folder, on Node's
 * recursive fs.watch: real events from the disk, as VS Code's watcher reports them (created,
 * changed, deleted). The base folder need not exist yet: the nearest existing parent is watched.
 * Only the patterns the extension uses are supported ('**' and 'some/folder/**'; anything else fails loudly).
 */
export function createFileSystemWatcher(pattern: RelativePattern, watchers: Set<FSWatcher>, extensions?: readonly string[]): Record<string, unknown> {
  const prefix = /^(?:([^*?[\]{}]+)\/)?\*\*$/.exec(pattern.pattern);
  if (!prefix || pattern.baseUri.scheme !== 'file') throw new Error(`stand-in watcher: unsupported pattern ${pattern.pattern} on ${pattern.baseUri.toString()}`);
  const base = path.join(pattern.baseUri.fsPath, ...(prefix[1] ?? '').split('/'));
  let watched = base;
  while (!existsSync(watched)) watched = path.dirname(watched);
  const created = new EventEmitter<URI>();
  const changed = new EventEmitter<URI>();
  const deleted = new EventEmitter<URI>();
  const watcher = watch(watched, { recursive: true }, (event, name) => {
    if (name === null) return;
    const file = path.join(watched, name.toString());
    if (file === base || !file.startsWith(base + path.sep)) return;
    if (extensions && !extensions.includes(path.extname(file).slice(1))) return;
    const uri = Uri.file(file);
    if (event === 'change') changed.fire(uri);
    else if (existsSync(file)) created.fire(uri);
    else deleted.fire(uri);
  });
  watchers.add(watcher);
  return {
    onDidCreate: created.event,
    onDidChange: changed.event,
    onDidDelete: deleted.event,
    dispose: () => { watcher.close(); watchers.delete(watcher); },
  };
}

/**
 * A glob without a base ('**' or '**' + '/*.{png,jpg}' style, as the extension passes them) watches
 * every workspace folder: one watcher per folder, their events merged.
 */
function watchGlobInFolders(glob: string, folders: readonly URI[], watchers: Set<FSWatcher>): Record<string, unknown> {
  const match = /^\*\*(?:\/\*\.(?:\{([\w,]+)\}|(\w+)))?$/.exec(glob);
  if (!match) throw new Error(`stand-in watcher: unsupported glob ${glob}`);
  const extensions = match[1]?.split(',') ?? (match[2] ? [match[2]] : undefined);
  const parts = folders.map((folder) => createFileSystemWatcher(new RelativePattern(folder, '**'), watchers, extensions));
  const merged = (key: 'onDidCreate' | 'onDidChange' | 'onDidDelete') => (listener: (uri: URI) => unknown) => {
    const subscriptions = parts.map((part) => (part[key] as (l: (uri: URI) => unknown) => { dispose(): void })(listener));
    return { dispose: () => subscriptions.forEach((subscription) => subscription.dispose()) };
  };
  return {
    onDidCreate: merged('onDidCreate'),
    onDidChange: merged('onDidChange'),
    onDidDelete: merged('onDidDelete'),
    dispose: () => parts.forEach((part) => (part.dispose as () => void)()),
  };
}

/** vscode.workspace, bound to `state`. */
export function createWorkspaceApi(state: StandInWorkspace): Record<string, unknown> {
  return {
    get workspaceFolders() { return state.folders.length ? state.folders : undefined; },
    textDocuments: [],
    fs: workspaceFs,
    getConfiguration: (section?: string) => state.getConfiguration(section),
    getWorkspaceFolder: (uri: URI) => state.getWorkspaceFolder(uri),
    asRelativePath: (pathOrUri: string | URI, includeWorkspaceFolder?: boolean) => state.asRelativePath(pathOrUri, includeWorkspaceFolder),
    findFiles: (include: string, exclude?: string | null, maxResults?: number, token?: CancellationToken) => state.findFiles(include, exclude, maxResults, token),
    onDidChangeConfiguration: state.configurationChanged.event,
    onDidChangeWorkspaceFolders: state.foldersChanged.event,
    onDidOpenTextDocument: state.documentOpened.event,
    onDidChangeTextDocument: state.documentChanged.event,
    onDidCloseTextDocument: state.documentClosed.event,
    createFileSystemWatcher: (pattern: RelativePattern | string) => (typeof pattern === 'string'
      ? watchGlobInFolders(pattern, state.folders.map((folder) => folder.uri), state.watchers)
      : createFileSystemWatcher(pattern, state.watchers)),
  };
}
