// Public surface of the Ideogram client (Node: undici, fs): the class, its HTTP plumbing, downloads
// and input images. The request rules, errors and provider addressing it uses are browser-safe and
// live in src/common/, where the webview imports them too.
export * from './limiter';
export * from './imageInput';
export * from './responses';
export * from './responseErrors';
export * from './backoff';
export * from './proxy';
export { DEFAULT_INFLIGHT_IMAGES, DEFAULT_MAX_RETRIES, DEFAULT_RETRY_BASE_DELAY_MS, DEFAULT_TIMEOUT_MS, IdeogramClient, isFormComplaint } from './client';
export type { ClientOptions, DescribeOptions, FormMemory, RequestLogEntry, V3FormSetting, V3Images, V3Result } from './client';
export * from './download';
