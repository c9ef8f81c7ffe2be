// The extension's settings as one typed, validated object. Pure (no vscode): common/vscode/config.ts reads
// the raw values from VS Code and hands them to parseSettings, so validation is unit-tested.
// Namespace import: unlike `{ z }`, it lets esbuild drop unused zod parts (all locales: ~260 KB) from the host bundle.
import * as z from 'zod';
import { providerDefaults, type ProviderConfig } from './provider';
import { ASPECT_RATIOS, LEGACY_DEFAULTS, MAGIC_PROMPT_OPTIONS, MODELS, RANGES, STYLE_TYPES } from './request/legacy';
import { DEFAULT_FILE_NAME_TEMPLATE } from './naming';
import { redactUrlSecrets } from './redact';
import type { ImageSize } from './imageSize';
import { formatPixelSize, parsePixelSize, PLACEHOLDER_DEFAULTS, PLACEHOLDER_DIAGNOSTIC_LEVELS } from './placeholderSettings';

/** Where the key is sent: provider presets, or 'custom' with an explicit base URL. */
export const PROVIDERS = ['crazyrouter', 'ideogram', 'custom'] as const;
/** 'auto' means: the provider's own header style. */
export const AUTH_STYLES = ['auto', 'bearer', 'api-key'] as const;
/** How remix/upscale/describe send the input image. */
export const IMAGE_TRANSPORTS = ['multipart', 'url', 'data-url'] as const;
/** Values of `ideogram.v3.requestForm`: how Ideogram 3.0 requests are formed. */
export const V3_REQUEST_FORMS = ['auto', 'official', 'crazyrouter-json'] as const;
/** Syntax of the reference that "Insert into editor" writes. */
export const INSERT_FORMATS = ['auto', 'markdown', 'html', 'jsx', 'css', 'path'] as const;

// Each field falls back to its default when the stored value is unusable, so one bad value in
// settings.json degrades that setting only; the problems are reported once (see readSettings).
const withDefault = <T extends z.ZodType>(schema: T, fallback: z.infer<T>) => schema.catch(fallback);

const httpUrl = z.string().trim().refine((s) => s === '' || /^https?:\/\/[^\s/]+/i.test(s), 'must be an http(s) URL');

/** A base URL that is set but not http(s): kept (not replaced by the provider's), so nothing is sent elsewhere. */
export interface RejectedBaseUrl { rejected: string }

// `ideogram.defaults.*`: the capability table's enums, ranges and defaults (package.json declares
// the same; a unit test keeps the two equal).
const GenerationDefaultsSchema = z.object({
  model: withDefault(z.enum(MODELS), LEGACY_DEFAULTS.model),
  aspectRatio: withDefault(z.enum(ASPECT_RATIOS), LEGACY_DEFAULTS.aspect_ratio),
  styleType: withDefault(z.enum(STYLE_TYPES), LEGACY_DEFAULTS.style_type),
  magicPrompt: withDefault(z.enum(MAGIC_PROMPT_OPTIONS), LEGACY_DEFAULTS.magic_prompt_option),
  numImages: withDefault(z.number().int().min(RANGES.num_images.min).max(RANGES.num_images.max), LEGACY_DEFAULTS.num_images),
});

// `ideogram.placeholders.*` (issue 15): the size is written `1024x768` in settings.json.
const PlaceholderSettingsSchema = z.object({
  style: withDefault(z.string().trim().max(500), PLACEHOLDER_DEFAULTS.style),
  publicFolders: withDefault(z.array(z.string().trim()).max(20), [...PLACEHOLDER_DEFAULTS.publicFolders]),
  defaultSize: withDefault(
    z.string().transform((text, ctx) => parsePixelSize(text) ?? (ctx.addIssue({ code: 'custom', message: 'not a size like 1024x768' }), z.NEVER)),
    { ...PLACEHOLDER_DEFAULTS.defaultSize },
  ),
  diagnostics: withDefault(z.enum(PLACEHOLDER_DIAGNOSTIC_LEVELS), PLACEHOLDER_DEFAULTS.diagnostics),
});

/** Schema of the settings object; every field has a default. */
export const SettingsSchema = z.object({
  provider: withDefault(z.enum(PROVIDERS), 'crazyrouter'),
  // The base URL decides where the key goes: a value that cannot be used stops requests (see
  // toProviderConfig) instead of silently falling back to the provider's own address.
  baseUrl: withDefault(z.union([httpUrl, z.string().trim().transform((value): RejectedBaseUrl => ({ rejected: value }))]), ''),
  pathPrefix: withDefault(z.string().trim(), ''),
  authStyle: withDefault(z.enum(AUTH_STYLES), 'auto'),
  imageTransport: withDefault(z.enum(IMAGE_TRANSPORTS), 'multipart'),
  outputFolder: withDefault(z.string(), 'assets/ideogram'),
  fileNameTemplate: withDefault(z.string(), DEFAULT_FILE_NAME_TEMPLATE),
  defaults: GenerationDefaultsSchema.catch(() => GenerationDefaultsSchema.parse({})),
  requestTimeoutSeconds: withDefault(z.number().min(5).max(3600), 300),
  proxy: withDefault(httpUrl, ''),
  maxImagesInFlight: withDefault(z.number().int().min(1).max(100), 10),
  insertFormat: withDefault(z.enum(INSERT_FORMATS), 'auto'),
  // An HTML/JSX alt="" marks an image decorative on purpose: the scan leaves it unless asked.
  fillEmptyAltText: withDefault(z.boolean(), false),
  // Money: an action that bills more images than this asks first; prices override the built-in table.
  confirmAboveImages: withDefault(z.number().int().min(0).max(1000), 4),
  prices: withDefault(z.record(z.string(), z.number().min(0)), {}),
  placeholders: PlaceholderSettingsSchema.catch(() => PlaceholderSettingsSchema.parse({})),
  v3RequestForm: withDefault(z.enum(V3_REQUEST_FORMS), 'auto'),
});

// Settings whose name is not `ideogram.<key>`.
const SETTING_NAMES: Partial<Record<keyof IdeogramSettings, string>> = { v3RequestForm: 'ideogram.v3.requestForm' };

/** The validated settings every other module receives. */
export type IdeogramSettings = z.infer<typeof SettingsSchema>;

/** Raw values keyed like the settings object (`defaults` nested), as read from the configuration. */
export type RawSettings = Partial<Record<keyof IdeogramSettings, unknown>>;

/** A setting whose stored value was ignored, with the reason. */
export interface SettingProblem { key: string; message: string }

// Problems are logged: a proxy or relay URL may carry a password or a token.
const ignoredValue = (value: unknown): string => `ignored value ${redactUrlSecrets(JSON.stringify(value))}`;

// A parsed value equals what was stored: strings trimmed, lists by content, a size by what it says.
function sameValue(parsed: unknown, stored: unknown): boolean {
  const trim = (v: unknown) => (typeof v === 'string' ? v.trim() : v);
  if (Array.isArray(stored)) return JSON.stringify(parsed) === JSON.stringify(stored.map(trim));
  if (typeof stored === 'string' && typeof parsed === 'object' && parsed !== null) {
    const size = parsePixelSize(stored);
    return size !== undefined && formatPixelSize(size) === formatPixelSize(parsed as ImageSize);
  }
  return parsed === trim(stored);
}

/** Validates raw values into settings; unusable values fall back to defaults and are listed as problems. */
export function parseSettings(raw: RawSettings): { settings: IdeogramSettings; problems: SettingProblem[] } {
  const settings = SettingsSchema.parse(raw);
  const problems: SettingProblem[] = [];
  // Re-check without the fallbacks to name what was replaced (catch() swallows the issue).
  const strict = SettingsSchema.shape;
  for (const key of Object.keys(strict) as (keyof typeof strict)[]) {
    const value = raw[key];
    if (value === undefined) continue;
    if (key === 'defaults' || key === 'placeholders') {
      const d = (typeof value === 'object' && value) ? value as Record<string, unknown> : {};
      for (const [sub, v] of Object.entries(d)) {
        const parsed = (settings[key] as Record<string, unknown>)[sub];
        if (v !== undefined && !sameValue(parsed, v)) problems.push({ key: `ideogram.${key}.${sub}`, message: ignoredValue(v) });
      }
      continue;
    }
    const parsed = settings[key];
    const comparable = typeof value === 'string' ? value.trim() : value;
    // Objects (the price table) are parsed into new objects: compared by content.
    const same = typeof parsed === 'object' && parsed !== null ? JSON.stringify(parsed) === JSON.stringify(comparable) : parsed === comparable;
    if (!same) problems.push({ key: SETTING_NAMES[key] ?? `ideogram.${key}`, message: ignoredValue(value) });
  }
  return { settings, problems };
}

/** Why no request can be sent with the settings (the message names ideogram.baseUrl). */
export type ProviderConfigProblem =
  | { problem: 'missing-base-url' }
  /** `value` as it may be shown and logged: URL credentials and query redacted. */
  | { problem: 'base-url-not-http'; value: string };

/**
 * Where requests go, from the settings: empty base URL / path prefix and 'auto' auth style take
 * the provider's defaults; a path prefix of '/' means the root. A problem instead when the base
 * URL is not http(s), or missing for 'custom'.
 */
export function toProviderConfig(settings: IdeogramSettings): ProviderConfig | ProviderConfigProblem {
  if (typeof settings.baseUrl === 'object') return { problem: 'base-url-not-http', value: redactUrlSecrets(settings.baseUrl.rejected) };
  const defaults = providerDefaults(settings.provider);
  if (settings.provider === 'custom' && settings.baseUrl === '') return { problem: 'missing-base-url' };
  return {
    provider: settings.provider,
    baseUrl: settings.baseUrl || defaults.baseUrl,
    pathPrefix: settings.pathPrefix === '' ? defaults.pathPrefix : settings.pathPrefix,
    authStyle: settings.authStyle === 'auto' ? defaults.authStyle : settings.authStyle,
    transport: settings.imageTransport,
  };
}
