// Public types of the local Ideogram-compatible server (see README.md beside this file).

/** The API operations this server answers. */
export type Operation = 'generate' | 'remix' | 'upscale' | 'describe';

/** The Ideogram 3.0 operations, named by the last segment of their path (`/v1/ideogram-v3/<op>`, `/v1/remove-background`). */
export const V3_OPERATIONS = [
  'generate', 'remix', 'inpaint', 'edit', 'reframe', 'replace-background', 'generate-transparent', 'remove-background',
] as const;

/** One Ideogram 3.0 operation. */
export type V3Operation = typeof V3_OPERATIONS[number];

/**
 * The two request forms of the 3.0 routes: Ideogram's own (multipart, or JSON where the vendor
 * allows it, official field names) and Crazyrouter's documented JSON with legacy-style names.
 * The names are the ones the extension's request-form setting uses.
 */
export const V3_FORMS = ['official', 'crazyrouter-json'] as const;

/** One 3.0 request form. */
export type V3Form = typeof V3_FORMS[number];

/** Which 3.0 request forms the server accepts (both by default). */
export type V3FormSwitches = Record<V3Form, boolean>;

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
  /** 3.0 request forms to accept; a form left out stays on (switch one off to test a client's fallback). */
  forms?: Partial<V3FormSwitches>;
  /** 3.0 operations this server pretends not to offer: they answer 404 like an unknown path. */
  missingRoutes?: V3Operation[];
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
  /** File parts of a multipart body, and decoded data: URLs (filename ''); on 3.0 routes also the image size from its header. */
  files?: RecordedFile[];
  /** 3.0 routes: the operation the path names. */
  operation?: V3Operation;
  /** 3.0 routes: the request form the server read the body as (absent when it could read it as neither). */
  form?: V3Form;
  /** 3.0 multipart: every value of each list field (style_codes) and of any text part sent more than once, in order. */
  fieldLists?: Record<string, string[]>;
  /** inpaint/edit: the mask's decoded size and how many of its pixels mark the region to edit (black; absent when the mask was refused). */
  mask?: { width: number; height: number; editPixels?: number };
}

/** A file the request carried (sizes only, never contents). */
export interface RecordedFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
  /** 3.0 routes: pixel size read from the file's header, when it is a PNG, JPEG or WebP. */
  width?: number;
  height?: number;
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
  /** Turns 3.0 request forms on or off; forms left out keep their state. */
  setForms(forms: Partial<V3FormSwitches>): void;
  /** Replaces the set of 3.0 operations that answer 404. */
  setMissingRoutes(routes: V3Operation[]): void;
  /** Clears the request log, the fault and the counters, and restores the forms and missing routes given at start. */
  reset(): void;
  close(): Promise<void>;
  stats(): MockServerStats;
}

/** The key accepted when none is configured; safe to print because it is public. */
export const DEFAULT_TEST_KEY = 'test-key';
