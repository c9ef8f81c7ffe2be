// Typed errors: every failure the client can meet becomes one IdeogramError with a kind the UI
// maps to an action (Set API Key, Open Settings, Retry…) and, when a setting is the likely
// cause, the name of that setting. How an HTTP answer becomes one is the client's business
// (src/ideogram/responseErrors.ts).
import { OUTPUT_FOLDER_SETTING } from './userFacingError';

/** What went wrong, in terms the extension can act on. */
export type IdeogramErrorKind = 'missing-key' | 'auth' | 'billing' | 'safety' | 'rate-limit' | 'server' | 'network'
  | 'timeout' | 'cancelled' | 'invalid-response' | 'invalid-request' | 'not-found' | 'download';

/** One problem with a request; `field` is the API field name ('' for the whole request). */
export interface ValidationIssue { field: string; message: string }

/** Extra facts attached to an IdeogramError. */
export interface IdeogramErrorDetails {
  status?: number;
  issues?: ValidationIssue[];
  settingHint?: string;
  retryable?: boolean;
  /** Server-requested wait before retrying (from Retry-After), in milliseconds. */
  retryAfterMs?: number;
  cause?: unknown;
}

/** The one error type the client throws. Its message never contains the API key. */
export class IdeogramError extends Error {
  readonly kind: IdeogramErrorKind;
  readonly status?: number;
  readonly issues?: ValidationIssue[];
  readonly settingHint?: string;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;

  constructor(kind: IdeogramErrorKind, message: string, details: IdeogramErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'IdeogramError';
    this.kind = kind;
    this.status = details.status;
    this.issues = details.issues;
    this.settingHint = details.settingHint;
    this.retryable = details.retryable ?? false;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** Setting names the hints refer to (contributed in package.json). */
export const SETTINGS = {
  baseUrl: 'ideogram.baseUrl',
  pathPrefix: 'ideogram.pathPrefix',
  authStyle: 'ideogram.authStyle',
  imageTransport: 'ideogram.imageTransport',
  v3RequestForm: 'ideogram.v3.requestForm',
} as const;

/** Options of a second attempt to save. */
export interface SaveAgainOptions {
  signal?: AbortSignal;
  /** Called after each image and its sidecar are in place. */
  onSaved?(done: number, total: number): void;
}

/** Images the API made that are not saved, and how to save them without a new request. */
export interface UnsavedImages<R> {
  count: number;
  /** Why the last attempt failed (the first failure). */
  cause: IdeogramError;
  /**
   * Every failure happened on this machine (the folder, the disk), not in the download: a new
   * paid request would fail the same way; saving again once the folder is fixed will not.
   */
  local: boolean;
  /** Downloads the same result links again (they live for a while) into the same folder; rejects with UnsavedImagesError again if that fails too. */
  saveAgain(options?: SaveAgainOptions): Promise<R>;
}

/**
 * Thrown when the API answered but none of its images could be saved: the error of the first
 * image (kind, message, status) with the images kept for "Save again".
 */
export class UnsavedImagesError extends IdeogramError {
  constructor(readonly unsaved: UnsavedImages<unknown>) {
    const { cause, local } = unsaved;
    super(cause.kind, cause.message, {
      cause, status: cause.status, retryable: !local && cause.retryable,
      settingHint: local ? OUTPUT_FOLDER_SETTING : cause.settingHint,
    });
    this.name = 'UnsavedImagesError';
  }
}
