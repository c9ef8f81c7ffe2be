// Lenient response parsing: relays and API versions differ (created as a number, url null when
// the image was blocked, fields added over time), so only what we use is required.
import * as l10n from '@vscode/l10n';
import { IdeogramError, SETTINGS } from '../common/errors';
import { operationLabel } from '../common/operationLabel';
import { DescribeResponseSchema, GenerateResponseSchema } from '../common/request/schemas';

/** One result image; `url` is undefined when the safety filter blocked it. */
export interface GeneratedImage {
  url: string | undefined;
  prompt: string;
  resolution?: string;
  is_image_safe: boolean;
  seed?: number;
  style_type?: string;
  upscaled_resolution?: string;
}

/** Result of generate, remix and upscale. */
export interface ImageResult { created: string; images: GeneratedImage[] }

/** Result of describe; descriptions without text are dropped. */
export interface DescribeResult { descriptions: string[] }

function wrongShape(op: string, detail: string): IdeogramError {
  return new IdeogramError('invalid-response', l10n.t('The provider\'s answer to {0} is not an Ideogram response ({1}). Check {2}.', operationLabel(op), detail, SETTINGS.baseUrl), { settingHint: SETTINGS.baseUrl });
}

const optional = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);

/** Turns a generate/remix/upscale body into an ImageResult; `requestPrompt` fills a missing prompt. */
export function parseImageResult(body: unknown, op: string, requestPrompt = ''): ImageResult {
  const parsed = GenerateResponseSchema.safeParse(body);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw wrongShape(op, first ? `${first.path.join('.') || 'body'}: ${first.message}` : l10n.t('unexpected shape'));
  }
  const { created, data } = parsed.data;
  return {
    created: created === undefined || created === null ? '' : String(created),
    images: data.map((item) => {
      const url = typeof item.url === 'string' && item.url.trim() !== '' ? item.url : undefined;
      return {
        url,
        prompt: item.prompt ?? requestPrompt,
        resolution: optional(item.resolution),
        // Crazyrouter's documented answer omits is_image_safe; an image with a URL was delivered.
        is_image_safe: item.is_image_safe ?? url !== undefined,
        seed: optional(item.seed),
        style_type: optional(item.style_type),
        upscaled_resolution: optional(item.upscaled_resolution),
      };
    }),
  };
}

/** Turns a describe body into a DescribeResult. */
export function parseDescribeResult(body: unknown): DescribeResult {
  const parsed = DescribeResponseSchema.safeParse(body);
  if (!parsed.success || typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw wrongShape('describe', 'expected { "descriptions": [...] }');
  }
  const descriptions = (parsed.data.descriptions ?? [])
    .map((d) => d.text)
    .filter((text): text is string => typeof text === 'string' && text.trim() !== '');
  return { descriptions };
}
