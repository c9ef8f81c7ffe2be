// An image "on the web" for the tests of hosted-image links: one the local server generates and
// serves, as a result link would be.
import type { MockServer } from '../../../tools/mock-server';

/** Generates an image on the local server and returns its link and byte size (what an upload of it must carry). */
export async function hostedImage(server: MockServer, apiKey: string, imageRequest: Record<string, unknown>): Promise<{ url: string; size: number }> {
  const answer = await fetch(`${server.baseUrl}/ideogram/generate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ image_request: imageRequest }),
  });
  const url = ((await answer.json()) as { data: { url: string }[] }).data[0].url;
  return { url, size: (await (await fetch(url)).arrayBuffer()).byteLength };
}
