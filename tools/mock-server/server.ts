// The HTTP server: routing, key check, request log, in-flight accounting, faults and image serving.
// Plain node:http on loopback only, so tests exercise real sockets, real multipart and real PNGs.
import { setMaxListeners } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { abbreviateDataUrls, BodyError, decodeDataUrl, parseBody, readBody, type ParsedBody } from './body';
import { clientErrorKind, errorBody, inflightBody, SAFETY_MESSAGE, type Dialect, type ErrorKind } from './dialect';
import { echoCredential, faultSettingsProblem, FaultState } from './faults';
import { ImageStore } from './png';
import { imageDimensions, imageMime } from './imageInfo';
import { describeFiles, planOperation, type ApiPlan, type ApiRejection, type RouteContext } from './routes';
import { vendorSchemas } from './vendorSchema';
import {
  DEFAULT_TEST_KEY, type FaultSettings, type Operation, type MockServer, type MockServerOptions, type MockServerStats, type RecordedFile,
  type RecordedRequest, type V3FormSwitches, type V3Operation,
} from './types';
import { crazyrouterRules } from './v3/crazyrouterForm';
import { matchV3Path } from './v3/paths';
import { planV3 } from './v3/plan';
import { ALL_FORMS, formSwitchesProblem, missingRoutesProblem } from './v3/switches';

/** Largest request body kept in memory: a 10 MB image as base64 in JSON plus room to spare. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

/**
 * Largest 3.0 request body: an image, a mask and two sets of references of up to 10 MB each fit,
 * and the vendor's newer document caps the whole request below 50 MB (ideogram-v3.md §1.4).
 */
const MAX_V3_BODY_BYTES = 50 * 1024 * 1024;

/** Turns a request body into a plan for its answer, or a refusal; may complete the log entry. */
type Planner = (body: ParsedBody, entry: RecordedRequest) => ApiPlan | ApiRejection | Promise<ApiPlan | ApiRejection>;

const API_PATH = /^\/(ideogram\/)?(generate|remix|upscale|describe)\/?$/;
const IMAGE_PATH = /^\/images\/([^/]+)\.png$/;

/** Starts the server on 127.0.0.1 and resolves once it is listening. */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  // Compiled here, once per process, so no request (and no benchmark timing) pays for it.
  vendorSchemas();
  crazyrouterRules();
  const startForms = { ...ALL_FORMS, ...options.forms };
  const startMissing = options.missingRoutes ?? [];
  const problem = formSwitchesProblem(startForms) ?? missingRoutesProblem(startMissing);
  if (problem) throw new Error(`Invalid mock server options: ${problem}`);
  let forms: V3FormSwitches = { ...startForms };
  let missingRoutes = new Set<V3Operation>(startMissing);
  const key = options.key ?? DEFAULT_TEST_KEY;
  const latencyMs = options.latencyMs ?? 0;
  const inflightLimit = options.inflightLimit ?? 10;
  const images = new ImageStore(options.imageBytes ?? 0);
  const faults = new FaultState();
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  // Aborted on close() so pending delays and trickling downloads stop instead of holding the process.
  const closing = new AbortController();
  // Every delayed answer and trickled download listens on this one signal, so under load there are
  // many more than Node's default of 10 listeners; that is by design, not a leak.
  setMaxListeners(0, closing.signal);
  let inflight = 0;
  let counters: MockServerStats = { inflightImagesMax: 0, rateLimited: 0, apiRequests: 0, imageDownloads: 0 };
  let port = 0;
  let baseUrl = '';

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (closing.signal.aborted || res.destroyed) return;
      if (!res.headersSent) sendJson(res, 500, { error: `Mock server failure: ${(err as Error).message}` });
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path.startsWith('/__mock/')) return handleControl(req, res, path);
    const imageMatch = IMAGE_PATH.exec(path);
    if (imageMatch) return serveImage(req, res, imageMatch[1]);
    const apiMatch = API_PATH.exec(path);
    const v3Match = matchV3Path(path);
    const dialect: Dialect = path.startsWith('/ideogram/') ? 'crazyrouter' : 'ideogram';
    if (!apiMatch && !v3Match) {
      req.resume();
      return sendError(res, dialect, 404, 'not-found', notFoundMessage(req, path));
    }
    if (req.method !== 'POST') {
      req.resume();
      return sendError(res, dialect, 405, 'method', `Use POST for ${path}.`);
    }
    const ctx: RouteContext = { dialect, baseUrl, port, images };
    if (v3Match) {
      const { op, relay } = v3Match;
      return handleApi(req, res, dialect, path, MAX_V3_BODY_BYTES, (body, entry) => planV3(body, { ...ctx, op, relay, path, forms, record: entry }), op);
    }
    const op = (apiMatch as RegExpExecArray)[2] as Operation;
    return handleApi(req, res, dialect, path, MAX_BODY_BYTES, (body) => planOperation(op, body, ctx));
  }

  async function handleApi(
    req: IncomingMessage, res: ServerResponse, dialect: Dialect, path: string, maxBodyBytes: number, plan: Planner, v3Op?: V3Operation,
  ): Promise<void> {
    counters.apiRequests++;
    const contentType = req.headers['content-type'] ?? '';
    let body: ParsedBody | undefined;
    let bodyError: BodyError | undefined;
    try {
      body = await parseBody(contentType, await readBody(req, maxBodyBytes));
    } catch (err) {
      if (!(err instanceof BodyError)) throw err;
      bodyError = err;
    }
    const auth = checkAuth(req);
    const entry = record(req.method ?? 'POST', path, dialect, auth, contentType, body, v3Op);
    requests.push(entry);
    // A provider without the operation does not know the path at all, whatever the key.
    if (v3Op && missingRoutes.has(v3Op)) return sendError(res, dialect, 404, 'not-found', notFoundMessage(req, path));
    if (!auth.ok) {
      const hint = dialect === 'crazyrouter' ? 'Authorization: Bearer <key>' : 'Api-Key: <key>';
      return sendError(res, dialect, 401, 'auth', auth.style === 'none' ? `Missing API key: send ${hint}.` : 'Invalid API key');
    }
    const fault = faults.take('api');
    if (fault && (await applyApiFault(fault, req, res, dialect))) return;
    if (bodyError || !body) {
      const err = bodyError ?? new BodyError(400, 'Empty body.');
      return sendError(res, dialect, err.status, clientErrorKind(err.status), err.message);
    }
    const planned = await plan(body, entry);
    if ('status' in planned) {
      // Safety rejections come from Ideogram itself; relays pass its body through unchanged.
      if (planned.status === 422) return sendJson(res, 422, { error: SAFETY_MESSAGE });
      return sendError(res, dialect, planned.status, clientErrorKind(planned.status), planned.message);
    }
    if (inflight + planned.slots > inflightLimit) {
      counters.rateLimited++;
      return sendJson(res, 429, inflightBody(inflightLimit));
    }
    inflight += planned.slots;
    counters.inflightImagesMax = Math.max(counters.inflightImagesMax, inflight);
    try {
      if (latencyMs > 0) await delay(latencyMs, undefined, { signal: closing.signal });
      const answerBody = planned.respond(fault?.mode === 'unsafe-result');
      const answer = Buffer.from(JSON.stringify(fault?.mode === 'echo-key' ? echoCredential(answerBody, presentedCredential(req)) : answerBody));
      if (fault?.mode === 'truncated-body') sendTruncated(res, 'application/json', answer);
      else send(res, 200, 'application/json', answer);
    } finally {
      inflight -= planned.slots;
    }
  }

  /** Applies an API fault; true when it has answered (or dropped) the request itself. */
  async function applyApiFault(fault: FaultSettings, req: IncomingMessage, res: ServerResponse, dialect: Dialect): Promise<boolean> {
    switch (fault.mode) {
      case 'latency':
        await delay(fault.latencyMs ?? 1000, undefined, { signal: closing.signal });
        return false;
      case 'rate-limit-burst': {
        counters.rateLimited++;
        const headers: Record<string, string> = fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {};
        sendJson(res, 429, errorBody(dialect, 'rate-limit', 'Rate limit exceeded'), headers);
        return true;
      }
      case 'server-error': {
        const status = fault.status ?? 500;
        const reason = status === 502 ? 'Bad gateway' : status === 503 ? 'Service temporarily unavailable' : 'Internal server error';
        sendError(res, dialect, status, 'server', fault.message ?? reason);
        return true;
      }
      case 'connection-reset':
        req.socket.destroy();
        return true;
      case 'invalid-json':
        send(res, 200, 'application/json', Buffer.from('{"created": "2024-01-01T00:00:00Z", "data": [{"url": "http://127.0.0.1/'));
        return true;
      case 'html-error':
        send(res, fault.status ?? 502, 'text/html; charset=utf-8', Buffer.from(HTML_ERROR_PAGE));
        return true;
      default:
        // truncated-body, unsafe-result and echo-key change the success answer; the image modes never reach here.
        return false;
    }
  }

  async function serveImage(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    req.resume();
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', Buffer.from('Use GET.'));
    counters.imageDownloads++;
    const fault = faults.take('images');
    if (fault?.mode === 'expired-url') {
      return send(res, fault.status ?? 403, 'text/plain; charset=utf-8', Buffer.from('This image link has expired.'));
    }
    if (fault?.mode === 'connection-reset') {
      req.socket.destroy();
      return;
    }
    if (fault?.mode === 'latency') await delay(fault.latencyMs ?? 1000, undefined, { signal: closing.signal });
    const png = images.get(id);
    if (!png) return send(res, 404, 'text/plain; charset=utf-8', Buffer.from('No such image.'));
    if (req.method === 'HEAD') {
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length, 'cache-control': 'no-store' });
      res.end();
      return;
    }
    if (fault?.mode === 'truncated-body') return sendTruncated(res, 'image/png', png);
    if (fault?.mode === 'slow-download') return trickle(res, png, fault.latencyMs ?? 250);
    send(res, 200, 'image/png', png);
  }

  /** Sends the image in about 20 pieces, one per tick, so client timeouts and cancels can be tested mid-download. */
  async function trickle(res: ServerResponse, png: Buffer, tickMs: number): Promise<void> {
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length, 'cache-control': 'no-store' });
    const piece = Math.max(1, Math.ceil(png.length / 20));
    for (let off = 0; off < png.length; off += piece) {
      if (res.destroyed) return;
      res.write(png.subarray(off, off + piece));
      if (off + piece < png.length) await delay(tickMs, undefined, { signal: closing.signal });
    }
    res.end();
  }

  async function handleControl(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const raw = await readBody(req, 1024 * 1024);
    if (path === '/__mock/fault' && req.method === 'POST') {
      let settings: unknown;
      try {
        settings = JSON.parse(raw.toString('utf8'));
      } catch {
        return sendJson(res, 400, { error: 'Body must be JSON FaultSettings, e.g. {"mode":"server-error","count":1}.' });
      }
      const problem = faultSettingsProblem(settings);
      if (problem) return sendJson(res, 400, { error: problem });
      faults.set(settings as FaultSettings);
      return sendJson(res, 200, { ok: true, fault: faults.current() });
    }
    if (path === '/__mock/fault' && req.method === 'GET') return sendJson(res, 200, faults.current());
    if (path === '/__mock/requests' && req.method === 'GET') return sendJson(res, 200, requests);
    if (path === '/__mock/stats' && req.method === 'GET') return sendJson(res, 200, counters);
    if (path === '/__mock/forms' && req.method === 'GET') return sendJson(res, 200, forms);
    if (path === '/__mock/forms' && req.method === 'POST') {
      const settings = parseControlJson(raw);
      const problem = formSwitchesProblem(settings);
      if (problem) return sendJson(res, 400, { error: problem });
      forms = { ...forms, ...(settings as Partial<V3FormSwitches>) };
      return sendJson(res, 200, { ok: true, forms });
    }
    if (path === '/__mock/routes' && req.method === 'GET') return sendJson(res, 200, { missing: [...missingRoutes] });
    if (path === '/__mock/routes' && req.method === 'POST') {
      const missing = (parseControlJson(raw) as { missing?: unknown } | undefined)?.missing;
      const problem = missingRoutesProblem(missing);
      if (problem) return sendJson(res, 400, { error: problem });
      missingRoutes = new Set(missing as V3Operation[]);
      return sendJson(res, 200, { ok: true, missing: [...missingRoutes] });
    }
    if (path === '/__mock/reset' && req.method === 'POST') {
      reset();
      return sendJson(res, 200, { ok: true });
    }
    return sendJson(res, 404, { error: `Unknown control route ${req.method ?? ''} ${path}.` });
  }

  /** Which auth header style the request used and whether the key matched; the key is never kept. */
  /** The credential header's value as the client sent it (for 'echo-key' only: never stored). */
  function presentedCredential(req: IncomingMessage): string {
    const apiKey = req.headers['api-key'];
    return (req.headers.authorization ?? (Array.isArray(apiKey) ? apiKey[0] : apiKey) ?? '').trim();
  }

  function checkAuth(req: IncomingMessage): { style: RecordedRequest['authHeader']; ok: boolean } {
    // Either style is accepted on either path, because the 'custom' provider may combine them freely.
    const authorization = req.headers.authorization;
    if (authorization !== undefined) {
      const m = /^Bearer\s+(.+)$/i.exec(authorization.trim());
      return { style: 'bearer', ok: m !== null && m[1] === key };
    }
    const apiKey = req.headers['api-key'];
    if (apiKey !== undefined) return { style: 'api-key', ok: (Array.isArray(apiKey) ? apiKey[0] : apiKey).trim() === key };
    return { style: 'none', ok: false };
  }

  function reset(): void {
    requests.length = 0;
    faults.set({ mode: 'none' });
    forms = { ...startForms };
    missingRoutes = new Set(startMissing);
    counters = { inflightImagesMax: inflight, rateLimited: 0, apiRequests: 0, imageDownloads: 0 };
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    baseUrl,
    port,
    requests,
    setFault: (fault) => {
      const problem = faultSettingsProblem(fault);
      if (problem) throw new Error(`Invalid fault settings: ${problem}`);
      faults.set(fault);
    },
    setForms: (switches) => {
      const problem = formSwitchesProblem(switches);
      if (problem) throw new Error(`Invalid form switches: ${problem}`);
      forms = { ...forms, ...switches };
    },
    setMissingRoutes: (routes) => {
      const problem = missingRoutesProblem(routes);
      if (problem) throw new Error(`Invalid missing routes: ${problem}`);
      missingRoutes = new Set(routes);
    },
    reset,
    stats: () => ({ ...counters }),
    close: () => new Promise<void>((resolve) => {
      closing.abort();
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}

function record(
  method: string, path: string, dialect: Dialect, auth: { style: RecordedRequest['authHeader']; ok: boolean },
  contentType: string, body: ParsedBody | undefined, v3Op?: V3Operation,
): RecordedRequest {
  const entry: RecordedRequest = { method, path, dialect, authHeader: auth.style, authOk: auth.ok, contentType };
  if (v3Op) entry.operation = v3Op;
  if (body?.kind === 'json') {
    entry.json = abbreviateDataUrls(body.json);
    // Legacy relay bodies carry image_file; Crazyrouter's 3.0 bodies carry image and mask.
    const fields = v3Op ? ['image', 'mask'] : ['image_file'];
    const files = fields.flatMap((field) => {
      const value = (body.json as Record<string, unknown> | null)?.[field];
      const decoded = typeof value === 'string' ? decodeEmbeddedImage(value, v3Op !== undefined) : undefined;
      return decoded ? [withSize({ field, filename: '', contentType: decoded.mime, size: decoded.bytes.length }, decoded.bytes, v3Op)] : [];
    });
    if (files.length > 0) entry.files = files;
  } else if (body?.kind === 'multipart') {
    entry.fields = { ...body.fields };
    entry.files = describeFiles(body.files).map((file, i) => withSize(file, body.files[i].bytes, v3Op));
  }
  return entry;
}

/** A data: URL, or on the 3.0 routes also bare base64 (Crazyrouter's "URL or Base64"), decoded. */
function decodeEmbeddedImage(value: string, bareBase64: boolean): { mime: string; bytes: Uint8Array } | undefined {
  const dataUrl = decodeDataUrl(value);
  if (dataUrl || !bareBase64 || !/^[A-Za-z0-9+/]{16,}={0,2}$/.test(value)) return dataUrl;
  const bytes = new Uint8Array(Buffer.from(value, 'base64'));
  return { mime: imageMime(bytes) ?? 'application/octet-stream', bytes };
}

/** On 3.0 routes, adds the pixel size from the file's header (legacy entries stay as they were). */
function withSize(file: RecordedFile, bytes: Uint8Array, v3Op: V3Operation | undefined): RecordedFile {
  const size = v3Op && imageMime(bytes) ? imageDimensions(bytes) : undefined;
  return size ? { ...file, width: size.width, height: size.height } : file;
}

/** What a server says about a path it does not serve (also what a provider lacking an operation says). */
function notFoundMessage(req: IncomingMessage, path: string): string {
  return `Invalid URL (${req.method ?? 'GET'} ${path})`;
}

/** A control route's JSON body, or undefined when it does not parse. */
function parseControlJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, status: number, contentType: string, body: Buffer, headers: Record<string, string> = {}): void {
  if (res.destroyed) return;
  res.writeHead(status, { ...headers, 'content-type': contentType, 'content-length': body.length });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  send(res, status, 'application/json', Buffer.from(JSON.stringify(value)), headers);
}

function sendError(res: ServerResponse, dialect: Dialect, status: number, kind: ErrorKind, message: string): void {
  sendJson(res, status, errorBody(dialect, kind, message));
}

/** Promises the whole body in Content-Length, sends half, then drops the connection. */
function sendTruncated(res: ServerResponse, contentType: string, body: Buffer): void {
  res.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
  res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
}

/** What a CDN or load balancer in front of an API typically returns when the backend is down. */
const HTML_ERROR_PAGE = `<!DOCTYPE html>
<html><head><title>502 Bad Gateway</title></head>
<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>
`;
