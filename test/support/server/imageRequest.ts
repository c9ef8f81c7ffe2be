// What a request recorded by the local server asked for, whichever form carried it.
import type { RecordedRequest } from '../../../tools/mock-server';

/** The `image_request` of a recorded request: the JSON body's, or the multipart text part's. */
export function imageRequestOf(request: RecordedRequest | undefined): Record<string, unknown> {
  if (!request) throw new Error('no request reached the server');
  const json = request.json as { image_request?: Record<string, unknown> } | undefined;
  if (json?.image_request) return json.image_request;
  return JSON.parse(request.fields?.image_request ?? '{}') as Record<string, unknown>;
}
