// The commands' save path in plain Node: API call, parallel streamed downloads into temp files
// renamed without overwrite, then one sidecar per image. ImageService does the same through
// vscode.workspace.fs (which cannot run outside VS Code); this uses the client's own
// createNodeFileSink, and the shared pure modules for names and sidecars, so the bench and the
// fault suite measure and torture the same client pipeline the extension ships.
import { randomBytes } from 'node:crypto';
import { link, open, unlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import {
  createNodeFileSink, downloadAll, IdeogramError, type GeneratedImage, type IdeogramClient, type ImageResult,
} from '../../src/ideogram';
import { readImageSize } from '../../src/services/imageSize';
import { DEFAULT_FILE_NAME_TEMPLATE, expandFileNameTemplate } from '../../src/services/naming';
import { buildSidecar, serializeSidecar, type ImageOperation } from '../../src/services/sidecar';

/** One image written by saveResultToFolder. */
export interface SavedFile { imagePath: string; sidecarPath: string; bytes: number }

/** What one operation left on disk. */
export interface SaveOutcome { saved: SavedFile[]; blocked: number; failed: number; firstFailure?: IdeogramError }

/** How to name and describe the saved files. */
export interface SaveContext {
  operation: ImageOperation;
  request: Record<string, unknown>;
  dir: string;
  signal?: AbortSignal;
  client: IdeogramClient;
  fileNameTemplate?: string;
}

async function readHead(file: string, length = 64): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = new Uint8Array(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

// Temp file then link(): a crash never leaves half a sidecar, and link() refuses to replace.
async function writeNewFile(target: string, text: string): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.part-${randomBytes(6).toString('hex')}`);
  await writeFile(temp, text, { flag: 'wx' });
  try {
    await link(temp, target);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/**
 * Downloads every safe image of `result` at once (links expire), writes a sidecar beside each,
 * and, like ImageService, removes everything it wrote when cancelled or when no image was saved.
 */
export async function saveResultToFolder(result: ImageResult, ctx: SaveContext): Promise<SaveOutcome> {
  const now = new Date();
  const safe = result.images.filter((image): image is GeneratedImage & { url: string } => image.is_image_safe && image.url !== undefined);
  const blocked = result.images.length - safe.length;
  const items = safe.map((image, index) => ({
    image,
    url: image.url,
    sink: createNodeFileSink(ctx.dir, expandFileNameTemplate(ctx.fileNameTemplate ?? DEFAULT_FILE_NAME_TEMPLATE, {
      prompt: typeof ctx.request.prompt === 'string' && ctx.request.prompt ? ctx.request.prompt : image.prompt,
      seed: image.seed, model: typeof ctx.request.model === 'string' ? ctx.request.model : undefined,
      operation: ctx.operation, index: index + 1, date: now,
    })),
  }));
  const outcomes = await downloadAll(items, { signal: ctx.signal, dispatcher: ctx.client.dispatcher, concurrency: Math.max(1, items.length), timeoutMs: ctx.client.timeoutMs });
  const saved: SavedFile[] = [];
  const failures: IdeogramError[] = [];
  const written: string[] = [];
  try {
    for (const [index, outcome] of outcomes.entries()) {
      if (!outcome.ok) {
        failures.push(outcome.error);
        continue;
      }
      const imagePath = outcome.image.path;
      written.push(imagePath);
      const sidecarPath = imagePath.replace(/\.[^.]+$/, '.json');
      const sidecar = buildSidecar({
        operation: ctx.operation, request: ctx.request, image: items[index].image, apiCreated: result.created,
        provider: 'bench', extensionVersion: '0.0.0-bench', file: path.basename(imagePath), now,
        size: readImageSize(await readHead(imagePath)), mime: outcome.image.mime, bytes: outcome.image.bytes,
      });
      await writeNewFile(sidecarPath, serializeSidecar(sidecar));
      written.push(sidecarPath);
      saved.push({ imagePath, sidecarPath, bytes: outcome.image.bytes });
    }
    if (ctx.signal?.aborted) throw new IdeogramError('cancelled', 'Cancelled.');
    if (saved.length === 0 && failures.length > 0) throw failures[0];
    return { saved, blocked, failed: failures.length, firstFailure: failures[0] };
  } catch (err) {
    await Promise.all(written.map((file) => unlink(file).catch(() => undefined)));
    throw err;
  }
}
