// Money made visible: how many images an action bills and about what it costs (prices.ts), a
// question first when an action bills more than `ideogram.confirmAboveImages`, and the window's
// running total in a status bar item's tooltip (fed by ImageService, which knows what was billed).
import * as vscode from 'vscode';
import { estimatePrice, formatUsd, type PriceOptions } from '../request/prices';
import { V3_MODEL } from '../request/v3';
import type { IdeogramSettings } from './config';
import { showWarning } from './notifications';

/** What one action will bill (or billed). */
export interface BilledImages {
  count: number;
  model?: string;
  options?: PriceOptions;
}

/** What an Ideogram 3.0 generate bills: priced by its speed (the table's default when unset) and transparency. */
export function billedV3(count: number, renderingSpeed: string | undefined, transparent = false): BilledImages {
  return { count, model: V3_MODEL, options: { renderingSpeed, transparent } };
}

/** The estimate of an action in the settings' price table; undefined when it has no price. */
export function estimateFor(settings: IdeogramSettings, billed: BilledImages): number | undefined {
  return estimatePrice(settings.provider, billed.model, billed.options ?? {}, billed.count, settings.prices)?.total;
}

/** "4 images billed · about $0.32": what every confirmation shows. */
export function billingSummary(settings: IdeogramSettings, billed: BilledImages): string {
  const total = estimateFor(settings, billed);
  const count = billed.count === 1 ? vscode.l10n.t('1 image billed') : vscode.l10n.t('{0} images billed', billed.count);
  return total === undefined ? count : vscode.l10n.t('{0} · about {1}', count, formatUsd(total));
}

/**
 * Asks before an action that bills more images than the setting allows without asking; true when
 * the action may go ahead (at or below the threshold it does not ask).
 */
export async function confirmSpend(settings: IdeogramSettings, billed: BilledImages): Promise<boolean> {
  if (billed.count <= settings.confirmAboveImages) return true;
  const go = vscode.l10n.t('Continue');
  const answer = await showWarning(
    vscode.l10n.t('This action bills more than {0} images. Continue?', settings.confirmAboveImages),
    { modal: true, detail: `${billingSummary(settings, billed)}\n${vscode.l10n.t('The limit is the setting ideogram.confirmAboveImages.')}` },
    go,
  );
  return answer === go;
}

/** The window's running total: a status bar item (shown after the first billed image) and its tooltip. */
export class SpendingTracker implements vscode.Disposable {
  private images = 0;
  private amount = 0;
  private unpriced = 0;
  private readonly item: vscode.StatusBarItem;

  constructor() {
    this.item = vscode.window.createStatusBarItem('ideogram.spending', vscode.StatusBarAlignment.Right, 100);
    this.item.name = vscode.l10n.t('Ideogram Spending');
  }

  /** Adds what an action billed. */
  record(settings: IdeogramSettings, billed: BilledImages): void {
    if (billed.count <= 0) return;
    this.images += billed.count;
    const total = estimateFor(settings, billed);
    if (total === undefined) this.unpriced += billed.count;
    else this.amount = Math.round((this.amount + total) * 1000) / 1000;
    this.item.text = `$(credit-card) ${formatUsd(this.amount)}`;
    this.item.tooltip = this.tooltip();
    this.item.show();
  }

  /** The tooltip: images and estimate for this window. */
  tooltip(): string {
    const lines = [
      vscode.l10n.t('Ideogram in this window: {0} images billed, about {1}.', this.images, formatUsd(this.amount)),
      ...(this.unpriced > 0 ? [vscode.l10n.t('{0} of them have no price in the table (setting ideogram.prices).', this.unpriced)] : []),
      vscode.l10n.t('An estimate from list prices; your provider\'s invoice is what counts.'),
    ];
    return lines.join('\n');
  }

  dispose(): void {
    this.item.dispose();
  }
}
