// Where the 3.0 operations live: Ideogram's own paths, and the relay paths under /ideogram.
import { V3_OPERATIONS, type V3Operation } from '../types';

/** The vendor's path for an operation (as in its OpenAPI document). */
export function v3Path(op: V3Operation): string {
  return op === 'remove-background' ? '/v1/remove-background' : `/v1/ideogram-v3/${op}`;
}

/**
 * Relays keep the vendor's 3.0 paths under /ideogram (ideogram-v3.md §2.1–2.3). None documents
 * remove-background (§2.2: AiHubMix routes only generate/edit/remix/reframe/replace-background;
 * §2.1: Crazyrouter has no such page), so /ideogram/v1/remove-background is not a route here.
 */
export function matchV3Path(path: string): { op: V3Operation; relay: boolean } | undefined {
  const trimmed = path.endsWith('/') ? path.slice(0, -1) : path;
  const relay = trimmed.startsWith('/ideogram/');
  const rest = relay ? trimmed.slice('/ideogram'.length) : trimmed;
  const op = V3_OPERATIONS.find((candidate) => v3Path(candidate) === rest);
  if (!op || (relay && op === 'remove-background')) return undefined;
  return { op, relay };
}
