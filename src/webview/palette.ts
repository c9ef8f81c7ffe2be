// Colour palette editor: none, one of the API's presets, or up to 8 custom swatches with weights.
import * as l10n from '@vscode/l10n';
import { fieldLabel, PALETTE_SWATCHES } from '../common/request/labels';
import { PALETTE_LIMITS, PALETTE_PRESETS } from '../common/request/legacy';
import type { PaletteChoice, Swatch } from '../common/protocol';
import { h, replaceChildren } from './dom';
import type { VscodeSingleSelect, VscodeTextfield } from './elements';
import { choices, select, textField } from './fields';

const MAX_SWATCHES = PALETTE_LIMITS.maxMembers;

/** The palette part of the form. */
export class PaletteEditor {
  /** Outer element (the control of the palette field row). */
  readonly element: HTMLElement;
  private readonly kind: VscodeSingleSelect;
  private readonly preset: VscodeSingleSelect;
  private readonly swatchList: HTMLElement;
  private readonly presetColours: HTMLElement;
  private readonly addButton: HTMLElement;
  private swatches: Swatch[] = [];
  private disabledFlag = false;

  // onChange(edited): edited is false when only the kind changed, which alone is no reason to show an error.
  constructor(private readonly onChange: (edited: boolean) => void) {
    this.kind = select('palette', fieldLabel('color_palette'), [
      { value: 'none', label: l10n.t('None') },
      { value: 'preset', label: l10n.t('Preset') },
      { value: 'custom', label: l10n.t('Custom colours') },
    ]);
    this.preset = select('palette-preset', l10n.t('Preset'), choices(PALETTE_PRESETS));
    this.presetColours = h('div', { class: 'preset-swatches', 'aria-hidden': 'true' });
    this.swatchList = h('div', { class: 'swatches', role: 'list' });
    this.addButton = h('vscode-button', { id: 'add-swatch', secondary: true }, l10n.t('Add colour'));
    this.element = h('div', { class: 'palette' }, this.kind, this.preset, this.presetColours, this.swatchList, this.addButton);
    this.kind.addEventListener('change', () => { this.syncVisibility(); this.onChange(false); });
    this.preset.addEventListener('change', () => { this.renderPresetColours(); this.onChange(true); });
    this.addButton.addEventListener('click', () => this.addSwatch());
    this.syncVisibility();
  }

  /** The palette as the form holds it. */
  get value(): PaletteChoice {
    switch (this.kind.value) {
      case 'preset': return { kind: 'preset', name: this.preset.value || PALETTE_PRESETS[0] };
      case 'custom': return { kind: 'custom', members: this.swatches.map((s) => ({ ...s })) };
      default: return { kind: 'none' };
    }
  }

  set value(choice: PaletteChoice) {
    this.kind.value = choice.kind;
    if (choice.kind === 'preset') this.preset.value = choice.name;
    this.swatches = choice.kind === 'custom' ? choice.members.map((m) => ({ ...m })) : [];
    this.renderSwatches();
    this.syncVisibility();
  }

  /** Disables the whole editor (the model does not take a palette). */
  set disabled(flag: boolean) {
    this.disabledFlag = flag;
    this.kind.disabled = flag;
    this.preset.disabled = flag;
    this.renderSwatches();
    this.syncVisibility();
  }

  get disabled(): boolean {
    return this.disabledFlag;
  }

  private addSwatch(): void {
    if (this.swatches.length >= MAX_SWATCHES) return;
    // Weights should descend (the API's recommendation), so each new swatch weighs less.
    const last = this.swatches[this.swatches.length - 1];
    const weight = last ? Math.max(0.05, Math.round((last.color_weight - 0.1) * 100) / 100) : 1;
    this.swatches.push({ color_hex: '#3c78d8', color_weight: weight });
    this.renderSwatches();
    this.onChange(true);
    const inputs = this.swatchList.querySelectorAll('input[type="color"]');
    (inputs[inputs.length - 1] as HTMLInputElement | undefined)?.focus();
  }

  // The chosen preset's colours as a strip of swatches beside its name (set through the CSSOM,
  // which the panel's CSP allows, unlike style attributes).
  private renderPresetColours(): void {
    const colours = PALETTE_SWATCHES[(this.preset.value || PALETTE_PRESETS[0]) as keyof typeof PALETTE_SWATCHES] ?? [];
    replaceChildren(this.presetColours, ...colours.map((hex) => {
      const chip = h('span', { class: 'preset-swatch', title: hex });
      chip.style.backgroundColor = hex;
      return chip;
    }));
  }

  private renderSwatches(): void {
    const rows = this.swatches.map((swatch, index) => {
      const color = h('input', {
        type: 'color',
        class: 'swatch-color',
        value: normaliseHex(swatch.color_hex),
        'aria-label': `${l10n.t('Colour')} ${index + 1}`,
        disabled: this.disabledFlag,
      });
      color.addEventListener('input', () => { swatch.color_hex = color.value; this.onChange(true); });
      const weight: VscodeTextfield = textField(`swatch-weight-${index}`, `${l10n.t('Weight')} ${index + 1}`, { type: 'number', min: PALETTE_LIMITS.minWeight, max: PALETTE_LIMITS.maxWeight, step: 0.05 });
      weight.value = String(swatch.color_weight);
      weight.disabled = this.disabledFlag;
      weight.addEventListener('input', () => { swatch.color_weight = Number(weight.value); this.onChange(true); });
      const remove = h('vscode-button', { secondary: true, 'aria-label': `${l10n.t('Remove colour')} ${index + 1}`, disabled: this.disabledFlag }, '×');
      remove.addEventListener('click', () => {
        this.swatches.splice(index, 1);
        this.renderSwatches();
        this.onChange(true);
      });
      // The weight is labelled where it is seen, not only for screen readers.
      const weightLabel = h('span', { class: 'swatch-weight-label', 'aria-hidden': 'true' }, l10n.t('Weight'));
      return h('div', { class: 'swatch', role: 'listitem' }, color, weightLabel, weight, remove);
    });
    replaceChildren(this.swatchList, ...rows);
  }

  private syncVisibility(): void {
    this.preset.hidden = this.kind.value !== 'preset';
    this.presetColours.hidden = this.preset.hidden;
    if (!this.preset.hidden) this.renderPresetColours();
    const custom = this.kind.value === 'custom';
    this.swatchList.hidden = !custom;
    this.addButton.hidden = !custom;
    (this.addButton as HTMLElement & { disabled: boolean }).disabled = this.disabledFlag || this.swatches.length >= MAX_SWATCHES;
  }
}

// <input type=color> only takes #rrggbb; the API also allows #rgb.
function normaliseHex(hex: string): string {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(hex);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase();
  return /^#[0-9a-f]{6}$/i.test(hex) ? hex.toLowerCase() : '#000000';
}
