// What an action costs before it is sent: a dated price table per provider (USD per output image)
// and the estimate every confirmation shows. The table defaults to the public list prices in
// ../shared/reference/ (ideogram-v3.md §1.10 for Ideogram 3.0; the legacy per-model prices of
// ideogram-api.md, which the relays bill as well); the `ideogram.prices` setting overrides any
// entry, because list prices drift and relays charge their own. Pure, so it is unit-tested.
import type { ProviderName } from '../provider';

/** The day the built-in prices were checked against the references. */
export const PRICE_TABLE_DATE = '2026-10-10';

/**
 * Price keys: `generate:V_2` (legacy generate/remix by model), `upscale`, `describe`,
 * `v3:TURBO`, `v3-character:TURBO` (with a character reference), `v3-transparent:TURBO`.
 */
export type PriceTable = Readonly<Record<string, number>>;

// Ideogram's list prices (USD per image). Legacy remix costs what generate costs with that model.
const LIST_PRICES: PriceTable = {
  'generate:V_1': 0.06, 'generate:V_1_TURBO': 0.02,
  'generate:V_2': 0.08, 'generate:V_2_TURBO': 0.05,
  'generate:V_2A': 0.04, 'generate:V_2A_TURBO': 0.025,
  // V_3 through the legacy route: billed as 3.0 at its default speed.
  'generate:V_3': 0.06,
  upscale: 0.06,
  describe: 0.01,
  'v3:FLASH': 0.03, 'v3:TURBO': 0.03, 'v3:DEFAULT': 0.06, 'v3:QUALITY': 0.09,
  'v3-character:TURBO': 0.10, 'v3-character:DEFAULT': 0.15, 'v3-character:QUALITY': 0.20,
  'v3-transparent:TURBO': 0.04, 'v3-transparent:DEFAULT': 0.07, 'v3-transparent:QUALITY': 0.10,
};

/**
 * The built-in table per provider. Crazyrouter publishes no price list of its own in the
 * references, so it starts from the list prices too (the setting corrects it); "custom" likewise.
 */
export const PRICES: Readonly<Record<ProviderName, PriceTable>> = {
  ideogram: LIST_PRICES,
  crazyrouter: LIST_PRICES,
  custom: LIST_PRICES,
};

/** What is priced besides the provider and model. */
export interface PriceOptions {
  /** generate and remix are priced by model; upscale and describe per image. Default generate. */
  operation?: 'generate' | 'remix' | 'upscale' | 'describe';
  /** Ideogram 3.0: the speed decides the price (default DEFAULT; BALANCED has no public price, so no estimate). */
  renderingSpeed?: string;
  /** Ideogram 3.0 with a character reference image. */
  characterReference?: boolean;
  /** Ideogram 3.0 generate-transparent (an upscale factor above X1 costs more: not included). */
  transparent?: boolean;
}

/** An estimate: per image, for the count, and the table's date. */
export interface PriceEstimate { perImage: number; total: number; currency: 'USD'; date: string }

/** The key of the table that prices a request; `model` is a legacy id or 'V_3_API' for the 3.0 routes. */
export function priceKey(model: string | undefined, options: PriceOptions = {}): string {
  const operation = options.operation ?? 'generate';
  if (operation === 'upscale' || operation === 'describe') return operation;
  if (model === 'V_3_API' || options.renderingSpeed !== undefined || options.characterReference || options.transparent) {
    const speed = options.renderingSpeed ?? 'DEFAULT';
    const family = options.transparent ? 'v3-transparent' : options.characterReference ? 'v3-character' : 'v3';
    return `${family}:${speed}`;
  }
  return `generate:${model ?? 'V_2'}`;
}

/**
 * Estimates what `count` images cost with this provider and model (`overrides`: the
 * `ideogram.prices` setting, same keys); undefined when the table has no price for it.
 */
export function estimatePrice(provider: ProviderName, model: string | undefined, options: PriceOptions, count: number, overrides: PriceTable = {}): PriceEstimate | undefined {
  const key = priceKey(model, options);
  const perImage = overrides[key] ?? PRICES[provider][key];
  if (perImage === undefined || !Number.isFinite(perImage) || perImage < 0) return undefined;
  // Rounded to a tenth of a cent: floating point must not show $0.24000000000000002.
  return { perImage, total: Math.round(perImage * count * 1000) / 1000, currency: 'USD', date: PRICE_TABLE_DATE };
}

/** `$0.24` (two decimals, three when a price needs them: `$0.025`). */
export function formatUsd(amount: number): string {
  const cents = Math.round(amount * 100) / 100;
  return `$${(cents === amount ? amount.toFixed(2) : amount.toFixed(3))}`;
}
