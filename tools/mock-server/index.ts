// Public surface of the local Ideogram-compatible server.
export { startMockServer } from './server';
export { DEFAULT_TEST_KEY, V3_FORMS, V3_OPERATIONS } from './types';
export type {
  FaultMode, FaultSettings, MockServer, MockServerOptions, MockServerStats, RecordedFile, RecordedRequest,
  V3Form, V3FormSwitches, V3Operation,
} from './types';
export { ASPECT_SIZES } from './png';
export { failsSafetyCheck, REMOTE_IMAGE_SIZE } from './routes';
