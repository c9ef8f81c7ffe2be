// The parameter form of all four modes. It reads and writes a FormState, hides the fields a mode
// does not use, disables the ones the model forbids (with the reason), and shows the client's own
// validation messages under a field once the user has edited it, and under every field once Run
// was pressed: a form that opens or switches mode shows no error the user did not cause.
import * as l10n from '@vscode/l10n';
import type { RequestField } from '../common/request/capabilities';
import { fieldLabel } from '../common/request/labels';
import { ASPECT_RATIOS, DESCRIBE_MODEL_VERSIONS, MAGIC_PROMPT_OPTIONS, MODELS, RANGES, RESOLUTIONS, STYLE_TYPES } from '../common/request/legacy';
import type { ValidationIssue } from '../common/request/validation';
import type { FormState, StudioMode } from '../common/protocol';
import { DEFAULT_FORM, disabledFields, modeShows } from '../common/studioForm';
import { h } from './dom';
import type { VscodeCheckbox, VscodeSingleSelect, VscodeTextarea, VscodeTextfield } from './elements';
import { choices, fieldRow, select, setDisabledReason, setError, textArea, textField } from './fields';
import type { Field } from './fields';
import { PaletteEditor } from './palette';

// A row shows one request field (the size row: aspect ratio or resolution); the capability table
// says which modes take it.
const rowField = (key: string): RequestField => (key === 'size' ? 'aspect_ratio' : key as RequestField);

/** The Studio form. */
export class StudioForm {
  /** The form's root element. */
  readonly element: HTMLElement;
  private mode: StudioMode = 'generate';
  private readonly fields = new Map<string, Field>();
  private readonly prompt: VscodeTextarea;
  private readonly promptCount: HTMLElement;
  private readonly model: VscodeSingleSelect;
  private readonly sizeKind: VscodeSingleSelect;
  private readonly aspect: VscodeSingleSelect;
  private readonly resolution: VscodeSingleSelect;
  private readonly style: VscodeSingleSelect;
  private readonly magic: VscodeSingleSelect;
  private readonly negative: VscodeTextarea;
  private readonly seed: VscodeTextfield;
  private readonly randomSeed: VscodeCheckbox;
  private readonly numImages: VscodeTextfield;
  private readonly palette: PaletteEditor;
  private readonly imageWeight: VscodeTextfield;
  private readonly resemblance: VscodeTextfield;
  private readonly detail: VscodeTextfield;
  private readonly describeVersion: VscodeSingleSelect;
  // Rows the user edited, and whether Run was pressed: only their issues are shown.
  private readonly touched = new Set<string>();
  private submitted = false;

  constructor(private readonly onChange: () => void) {
    this.prompt = textArea('prompt', fieldLabel('prompt'), 4, l10n.t('Describe the image you want'));
    this.promptCount = h('div', { class: 'count', id: 'prompt-count' });
    this.model = select('model', fieldLabel('model'), choices(MODELS));
    this.sizeKind = select('size-kind', l10n.t('Size'), [{ value: 'aspect', label: fieldLabel('aspect_ratio') }, { value: 'resolution', label: fieldLabel('resolution') }]);
    this.aspect = select('aspect-ratio', fieldLabel('aspect_ratio'), choices(ASPECT_RATIOS));
    this.resolution = select('resolution', fieldLabel('resolution'), choices(RESOLUTIONS), true);
    this.style = select('style-type', fieldLabel('style_type'), choices(STYLE_TYPES, l10n.t('Default')));
    this.magic = select('magic-prompt', fieldLabel('magic_prompt_option'), choices(MAGIC_PROMPT_OPTIONS, l10n.t('Default')));
    this.negative = textArea('negative-prompt', fieldLabel('negative_prompt'), 2);
    this.seed = textField('seed', fieldLabel('seed'), { placeholder: `${RANGES.seed.min} … ${RANGES.seed.max}` });
    this.randomSeed = h('vscode-checkbox', { id: 'random-seed', label: l10n.t('Random') }) as VscodeCheckbox;
    this.numImages = textField('num-images', fieldLabel('num_images'), { type: 'number', min: RANGES.num_images.min, max: RANGES.num_images.max, step: 1 });
    this.palette = new PaletteEditor((edited) => this.changed(edited ? 'color_palette' : undefined));
    this.imageWeight = textField('image-weight', fieldLabel('image_weight'), { type: 'number', ...RANGES.image_weight, step: 1 });
    this.resemblance = textField('resemblance', fieldLabel('resemblance'), { type: 'number', ...RANGES.resemblance, step: 1 });
    this.detail = textField('detail', fieldLabel('detail'), { type: 'number', ...RANGES.detail, step: 1 });
    this.describeVersion = select('describe-version', fieldLabel('describe_model_version'), choices(DESCRIBE_MODEL_VERSIONS, l10n.t('Default')));

    const size = h('div', { class: 'size' }, this.sizeKind, this.aspect, this.resolution);
    const seedRow = h('div', { class: 'inline' }, this.seed, this.randomSeed);
    this.add('prompt', fieldRow('prompt', fieldLabel('prompt'), this.prompt, 'prompt', this.promptCount));
    const basics = h('div', { class: 'grid' });
    const more = h('div', { class: 'grid' });
    this.add('model', fieldRow('model', fieldLabel('model'), this.model, 'model'), basics);
    this.add('size', fieldRow('size-kind', l10n.t('Size'), size, 'aspect_ratio'), basics);
    this.add('style_type', fieldRow('style-type', fieldLabel('style_type'), this.style, 'style_type'), basics);
    this.add('magic_prompt_option', fieldRow('magic-prompt', fieldLabel('magic_prompt_option'), this.magic, 'magic_prompt_option'), basics);
    this.add('num_images', fieldRow('num-images', fieldLabel('num_images'), this.numImages, 'num_images'), basics);
    this.add('seed', fieldRow('seed', fieldLabel('seed'), seedRow, 'seed'), basics);
    this.add('image_weight', fieldRow('image-weight', fieldLabel('image_weight'), this.imageWeight, 'image_weight'), basics);
    this.add('resemblance', fieldRow('resemblance', fieldLabel('resemblance'), this.resemblance, 'resemblance'), basics);
    this.add('detail', fieldRow('detail', fieldLabel('detail'), this.detail, 'detail'), basics);
    this.add('describe_model_version', fieldRow('describe-version', fieldLabel('describe_model_version'), this.describeVersion, 'describe_model_version'), basics);
    this.add('negative_prompt', fieldRow('negative-prompt', fieldLabel('negative_prompt'), this.negative, 'negative_prompt'), more);
    this.add('color_palette', fieldRow('palette', fieldLabel('color_palette'), this.palette.element, 'color_palette'), more);
    // The seed row's control is the wrapper; point the field at the text box so disabling works.
    this.fields.get('seed')!.control = this.seed;
    this.fields.get('size')!.control = this.sizeKind;

    this.element = h('div', { class: 'form' },
      this.fields.get('prompt')!.row,
      basics,
      more);

    const typed: [string, HTMLElement][] = [['prompt', this.prompt], ['negative_prompt', this.negative], ['seed', this.seed],
      ['num_images', this.numImages], ['image_weight', this.imageWeight], ['resemblance', this.resemblance], ['detail', this.detail]];
    for (const [key, control] of typed) control.addEventListener('input', () => this.changed(key));
    const picked: [string, HTMLElement][] = [['model', this.model], ['size', this.sizeKind], ['size', this.aspect], ['size', this.resolution],
      ['style_type', this.style], ['magic_prompt_option', this.magic], ['describe_model_version', this.describeVersion], ['seed', this.randomSeed]];
    for (const [key, control] of picked) control.addEventListener('change', () => this.changed(key));
    this.value = DEFAULT_FORM;
  }

  /** Current values. */
  get value(): FormState {
    return {
      mode: this.mode,
      prompt: this.prompt.value,
      model: this.model.value || DEFAULT_FORM.model,
      sizeKind: this.sizeKind.value === 'resolution' ? 'resolution' : 'aspect',
      aspectRatio: this.aspect.value,
      resolution: this.resolution.value,
      styleType: this.style.value,
      magicPrompt: this.magic.value,
      negativePrompt: this.negative.value,
      seed: this.seed.value,
      randomSeed: this.randomSeed.checked,
      numImages: toNumber(this.numImages.value),
      palette: this.palette.value,
      imageWeight: toNumber(this.imageWeight.value),
      resemblance: toNumber(this.resemblance.value),
      detail: toNumber(this.detail.value),
      describeModelVersion: this.describeVersion.value,
    };
  }

  set value(form: FormState) {
    this.mode = form.mode;
    this.prompt.value = form.prompt;
    this.model.value = form.model;
    this.sizeKind.value = form.sizeKind;
    this.aspect.value = form.aspectRatio;
    this.resolution.value = form.resolution;
    this.style.value = form.styleType;
    this.magic.value = form.magicPrompt;
    this.negative.value = form.negativePrompt;
    this.seed.value = form.seed;
    this.randomSeed.checked = form.randomSeed;
    this.numImages.value = String(form.numImages);
    this.palette.value = form.palette;
    this.imageWeight.value = String(form.imageWeight);
    this.resemblance.value = String(form.resemblance);
    this.detail.value = String(form.detail);
    this.describeVersion.value = form.describeModelVersion;
    this.sync();
  }

  /** Switches the mode: shows only the fields that mode sends. */
  setMode(mode: StudioMode): void {
    this.mode = mode;
    this.sync();
  }

  /** From now on every field shows its issues (Run was pressed). */
  showAllIssues(): void {
    this.submitted = true;
  }

  /**
   * Shows issues under the fields the user edited (every field after Run); issues of unknown
   * fields are returned for a general line, once Run was pressed.
   */
  showIssues(issues: ValidationIssue[]): ValidationIssue[] {
    const byRow = new Map<string, string[]>();
    const unplaced: ValidationIssue[] = [];
    for (const issue of issues) {
      const key = rowKey(issue.field);
      if (key && this.fields.has(key)) {
        if (this.submitted || this.touched.has(key)) byRow.set(key, [...(byRow.get(key) ?? []), issue.message]);
      } else if (this.submitted) {
        unplaced.push(issue);
      }
    }
    for (const [key, field] of this.fields) setError(field, byRow.get(key) ?? []);
    return unplaced;
  }

  /** Moves focus to the first field that shows an error (after a blocked run). */
  focusFirstError(): void {
    for (const field of this.fields.values()) {
      if (field.error.textContent && !field.row.hidden) {
        field.control.focus();
        return;
      }
    }
  }

  /** Focuses the prompt (the first thing a user types). */
  focusPrompt(): void {
    this.prompt.focus();
  }

  private add(key: string, field: Field, parent?: HTMLElement): void {
    this.fields.set(key, field);
    parent?.appendChild(field.row);
  }

  // `edited` names the row the user changed; a change the user did not make to a field (the
  // palette's kind) touches nothing.
  private changed(edited?: string): void {
    if (edited) this.touched.add(edited);
    this.sync();
    this.onChange();
  }

  // Visibility by mode, disabled-by-model reasons, and the small things that follow from values.
  private sync(): void {
    for (const [key, field] of this.fields) field.row.hidden = !modeShows(this.mode, rowField(key));
    this.promptCount.textContent = l10n.t('{0} characters', [...this.prompt.value].length);
    this.prompt.placeholder = this.mode === 'upscale' ? l10n.t('Optional: guide the upscale') : l10n.t('Describe the image you want');
    this.seed.disabled = this.randomSeed.checked;
    const disabled = disabledFields(this.model.value);
    const reason = (key: keyof typeof disabled): string | undefined => disabled[key];
    // The size kind is locked to the aspect ratio for a model without resolutions (buildStudioRequest agrees).
    const byResolution = this.sizeKind.value === 'resolution' && !disabled.resolution;
    this.aspect.hidden = byResolution;
    this.resolution.hidden = !byResolution;
    setDisabledReason(this.fields.get('size')!, reason('resolution'));
    setDisabledReason(this.fields.get('negative_prompt')!, reason('negative_prompt'));
    setDisabledReason(this.fields.get('style_type')!, reason('style_type'));
    const paletteField = this.fields.get('color_palette')!;
    this.palette.disabled = reason('color_palette') !== undefined;
    paletteField.reason.hidden = reason('color_palette') === undefined;
    paletteField.reason.textContent = reason('color_palette') ?? '';
  }
}

// Issue fields are API paths such as `color_palette.members.0.color_hex`; rows are keyed by the first part.
function rowKey(field: string): string | undefined {
  const head = field.split('.')[0] ?? '';
  if (head === 'aspect_ratio' || head === 'resolution') return 'size';
  return head || undefined;
}

// An empty or partial number box is NaN, which the client's schema reports ("must be a whole number").
function toNumber(value: string): number {
  return value.trim() === '' ? Number.NaN : Number(value);
}
