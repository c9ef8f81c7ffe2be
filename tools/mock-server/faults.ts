// The switchable fault: which one is active, which requests it hits, and how many remain.
import type { FaultMode, FaultSettings } from './types';

/** Every fault mode, for validating settings that arrive over HTTP. */
export const FAULT_MODES: readonly FaultMode[] = [
  'none', 'latency', 'rate-limit-burst', 'server-error', 'connection-reset', 'truncated-body',
  'invalid-json', 'html-error', 'slow-download', 'unsafe-result', 'expired-url', 'echo-key',
];

/** Modes that act on image downloads rather than on API calls. */
const IMAGE_MODES: ReadonlySet<FaultMode> = new Set(['slow-download', 'expired-url']);
/** Modes that may be pointed at image downloads with target: 'images'. */
const RETARGETABLE: ReadonlySet<FaultMode> = new Set(['latency', 'connection-reset', 'truncated-body']);

/**
 * 'echo-key': what a broken relay does with the credential it was given: the raw header value
 * (`Bearer <key>` or the Api-Key value) appended to every image's prompt and put in its
 * resolution, and the bare key as its style_type.
 */
export function echoCredential(answer: Record<string, unknown>, headerValue: string): Record<string, unknown> {
  const key = headerValue.replace(/^Bearer\s+/i, '');
  const data = Array.isArray(answer.data) ? answer.data as Record<string, unknown>[] : [];
  return { ...answer, data: data.map((image) => ({ ...image, prompt: `${String(image.prompt ?? '')} [${headerValue}]`, resolution: headerValue, style_type: key })) };
}

/** Checks settings received from outside; returns an error message or undefined. */
export function faultSettingsProblem(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return 'Fault settings must be a JSON object.';
  const f = value as Record<string, unknown>;
  if (!FAULT_MODES.includes(f.mode as FaultMode)) return `mode must be one of: ${FAULT_MODES.join(', ')}.`;
  for (const key of ['count', 'latencyMs', 'retryAfterSeconds', 'status'] as const) {
    const v = f[key];
    if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < 0)) return `${key} must be a non-negative integer.`;
  }
  if (f.status !== undefined && ((f.status as number) < 100 || (f.status as number) > 599)) return 'status must be an HTTP status (100-599).';
  if (f.target !== undefined && f.target !== 'api' && f.target !== 'images') return "target must be 'api' or 'images'.";
  if (f.message !== undefined && typeof f.message !== 'string') return 'message must be a string.';
  return undefined;
}

/** Holds the active fault and hands it to the requests it applies to. */
export class FaultState {
  private fault: FaultSettings = { mode: 'none' };
  private remaining = Infinity;

  /** Replaces the active fault; count undefined means "until changed". */
  set(fault: FaultSettings): void {
    this.fault = { ...fault };
    this.remaining = fault.mode === 'none' ? 0 : fault.count ?? Infinity;
  }

  /** The active settings (for the control route). */
  current(): FaultSettings & { remaining: number | null } {
    return { ...this.fault, remaining: Number.isFinite(this.remaining) ? this.remaining : null };
  }

  /**
   * Returns the fault for this request and uses up one of its count, or undefined when none
   * applies. `kind` says whether the request is an API call or an image download.
   */
  take(kind: 'api' | 'images'): FaultSettings | undefined {
    const f = this.fault;
    if (f.mode === 'none' || this.remaining <= 0) return undefined;
    const target = IMAGE_MODES.has(f.mode) ? 'images' : RETARGETABLE.has(f.mode) ? f.target ?? 'api' : 'api';
    if (target !== kind) return undefined;
    this.remaining--;
    if (this.remaining <= 0) this.fault = { mode: 'none' };
    return f;
  }
}
