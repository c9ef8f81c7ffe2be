// Public types of the local Ideogram-compatible server (see README.md beside this file).

/** The API operations this server answers. */
export type Operation = 'generate' | 'remix' | 'upscale' | 'describe';

/** Options for startMockServer; every field is optional. */
export interface MockServerOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Only loopback is supported: the server accepts any key you give it and must never face a network. */
  host?: '127.0.0.1';
  /** The API key the server accepts (default DEFAULT_TEST_KEY, 'test-key'). */
  key?: string;
  /** Delay before each generation-type answer, in milliseconds (images are "in flight" meanwhile). */
  latencyMs?: number;
  /** Pad every served PNG to about this many bytes (with a private ancillary chunk; still decodable). */
  imageBytes?: number;
  /** Images in flight allowed at once before answering 429 (default 10, like Ideogram's per-organisation limit). */
  inflightLimit?: number;
}

/** Switchable failure behaviours; see tools/mock-server/README.md for what each does. */
export type FaultMode =
  | 'none'
  | 'latency'
  | 'rate-limit-burst'
  | 'server-error'
  | 'connection-reset'
  | 'truncated-body'
  | 'invalid-json'
  | 'html-error'
  | 'slow-download'
  | 'unsafe-result'
  | 'echo-key'
  | 'expired-url';

/** The fault to apply and for how many requests. */
export interface FaultSettings {
  mode: FaultMode;
  /** How many requests it applies to, then back to normal; omitted = every request until changed. */
  count?: number;
  /** Extra delay for 'latency'; tick interval for 'slow-download'. */
  latencyMs?: number;
  /** 'rate-limit-burst': send a Retry-After header with this many seconds. */
  retryAfterSeconds?: number;
  /** 'server-error' (default 500), 'html-error' (default 502), 'expired-url' (default 403). */
  status?: number;
  /** Extension: which requests 'latency', 'connection-reset' and 'truncated-body' hit (default 'api'). */
  target?: 'api' | 'images';
  /** Extension: the error text 'server-error' puts in the dialect's body (default: the status's reason), e.g. markup to see how a client shows it. */
  message?: string;
}

/** One API request as the server saw it; the key itself is never stored. */
export interface RecordedRequest {
  method: string;
  path: string;
  dialect: 'crazyrouter' | 'ideogram';
  authHeader: 'bearer' | 'api-key' | 'none';
  /** Extension: whether the presented key matched the server's key. */
  authOk: boolean;
  contentType: string;
  /** Parsed JSON body; data: URLs are abbreviated so the log stays small. */
  json?: unknown;
  /** Text parts of a multipart body. */
  fields?: Record<string, string>;
  /** File parts of a multipart body, and decoded data: URLs (filename ''). */
  files?: { field: string; filename: string; contentType: string; size: number }[];
}

/** Counters for benchmarks and limit tests. */
export interface MockServerStats {
  /** Highest number of images in flight at one moment. */
  inflightImagesMax: number;
  /** 429 answers sent (in-flight limit and rate-limit-burst). */
  rateLimited: number;
  /** Extension: API requests received. */
  apiRequests: number;
  /** Extension: image downloads served (any status). */
  imageDownloads: number;
}

/** A running server. */
export interface MockServer {
  /** e.g. http://127.0.0.1:43123 (no trailing slash). */
  baseUrl: string;
  port: number;
  /** Live log of API requests (not image downloads, not control routes). */
  requests: RecordedRequest[];
  setFault(fault: FaultSettings): void;
  /** Clears the request log, the fault and the counters. */
  reset(): void;
  close(): Promise<void>;
  stats(): MockServerStats;
}

/** The key accepted when none is configured; safe to print because it is public. */
export const DEFAULT_TEST_KEY = 'test-key';
