// Public surface of the local Ideogram-compatible server.
export { startMockServer } from './server';
export { DEFAULT_TEST_KEY } from './types';
export type { FaultMode, FaultSettings, MockServer, MockServerOptions, MockServerStats, RecordedRequest } from './types';
export { ASPECT_SIZES } from './png';
export { failsSafetyCheck, REMOTE_IMAGE_SIZE } from './routes';
