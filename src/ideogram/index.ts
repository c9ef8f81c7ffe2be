// Public surface of the Ideogram client: everything other folders may import.
export * from '../common/request/schemas';
export * from '../common/request/validation';
export * from '../common/imageType';
export * from '../common/provider';
export * from '../common/errors';
export * from './limiter';
export * from './imageInput';
export * from './responses';
export * from './backoff';
export * from './proxy';
export { DEFAULT_INFLIGHT_IMAGES, DEFAULT_MAX_RETRIES, DEFAULT_RETRY_BASE_DELAY_MS, DEFAULT_TIMEOUT_MS, IdeogramClient, invalidRequest } from './client';
export type { ClientOptions, DescribeOptions, RequestLogEntry } from './client';
export * from './download';
