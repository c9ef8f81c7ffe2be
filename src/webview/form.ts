// The parameter form of all four modes. It reads and writes a FormState, hides the fields a mode
// does not use, disables the ones the model forbids (with the reason), and shows the client's own
// validation messages under each field as the user types.
import { ASPECT_RATIOS, DESCRIBE_MODEL_VERSIONS, MAGIC_PROMPT_OPTIONS, MODELS, RESOLUTIONS, STYLE_TYPES } from '../common/request/schemas';
import type { ValidationIssue } from '../common/request/validation';
import type { FormState, StudioMode, StudioStrings } from '../common/protocol';
import { DEFAULT_FORM, disabledFields } from '../common/request/studioForm';
import { format, h } from './dom';
import type { VscodeCheckbox, VscodeSingleSelect, VscodeTextarea, VscodeTextfield } from './elements';
import { choices, fieldRow, select, setDisabledReason, setError, textArea, textField } from './fields';
import type { Field } from './fields';
import { PaletteEditor } from './palette';

// Which modes show which request field.
const FIELD_MODES: Record<string, StudioMode[]> = {
  prompt: ['generate', 'remix', 'upscale'],
  model: ['generate', 'remix'],
  size: ['generate', 'remix'],
  style_type: ['generate', 'remix'],
  magic_prompt_option: ['generate', 'remix', 'upscale'],
  negative_prompt: ['generate', 'remix'],
  seed: ['generate', 'remix', 'upscale'],
  num_images: ['generate', 'remix', 'upscale'],
  color_palette: ['generate', 'remix'],
  image_weight: ['remix'],
  resemblance: ['upscale'],
  detail: ['upscale'],
  describe_model_version: ['describe'],
};

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

  constructor(private readonly strings: StudioStrings, private readonly onChange: () => void) {
    const s = strings;
    this.prompt = textArea('prompt', s.prompt, 4, s.promptPlaceholder);
    this.promptCount = h('div', { class: 'count', id: 'prompt-count' });
    this.model = select('model', s.model, choices(MODELS));
    this.sizeKind = select('size-kind', s.sizeKind, [{ value: 'aspect', label: s.aspectRatio }, { value: 'resolution', label: s.resolution }]);
    this.aspect = select('aspect-ratio', s.aspectRatio, choices(ASPECT_RATIOS));
    this.resolution = select('resolution', s.resolution, choices(RESOLUTIONS), true);
    this.style = select('style-type', s.styleType, choices(STYLE_TYPES, s.defaultOption));
    this.magic = select('magic-prompt', s.magicPrompt, choices(MAGIC_PROMPT_OPTIONS, s.defaultOption));
    this.negative = textArea('negative-prompt', s.negativePrompt, 2);
    this.seed = textField('seed', s.seed, { placeholder: '0 … 2147483647' });
    this.randomSeed = h('vscode-checkbox', { id: 'random-seed', label: s.randomSeed }) as VscodeCheckbox;
    this.numImages = textField('num-images', s.numImages, { type: 'number', min: 1, max: 8, step: 1 });
    this.palette = new PaletteEditor(s, () => this.changed());
    this.imageWeight = textField('image-weight', s.imageWeight, { type: 'number', min: 1, max: 100, step: 1 });
    this.resemblance = textField('resemblance', s.resemblance, { type: 'number', min: 1, max: 100, step: 1 });
    this.detail = textField('detail', s.detail, { type: 'number', min: 1, max: 100, step: 1 });
    this.describeVersion = select('describe-version', s.describeModelVersion, choices(DESCRIBE_MODEL_VERSIONS, s.defaultOption));

    const size = h('div', { class: 'size' }, this.sizeKind, this.aspect, this.resolution);
    const seedRow = h('div', { class: 'inline' }, this.seed, this.randomSeed);
    this.add('prompt', fieldRow('prompt', s.prompt, this.prompt, 'prompt', this.promptCount));
    const basics = h('div', { class: 'grid' });
    const more = h('div', { class: 'grid' });
    this.add('model', fieldRow('model', s.model, this.model, 'model'), basics);
    this.add('size', fieldRow('size-kind', s.sizeKind, size, 'aspect_ratio'), basics);
    this.add('style_type', fieldRow('style-type', s.styleType, this.style, 'style_type'), basics);
    this.add('magic_prompt_option', fieldRow('magic-prompt', s.magicPrompt, this.magic, 'magic_prompt_option'), basics);
    this.add('num_images', fieldRow('num-images', s.numImages, this.numImages, 'num_images'), basics);
    this.add('seed', fieldRow('seed', s.seed, seedRow, 'seed'), basics);
    this.add('image_weight', fieldRow('image-weight', s.imageWeight, this.imageWeight, 'image_weight'), basics);
    this.add('resemblance', fieldRow('resemblance', s.resemblance, this.resemblance, 'resemblance'), basics);
    this.add('detail', fieldRow('detail', s.detail, this.detail, 'detail'), basics);
    this.add('describe_model_version', fieldRow('describe-version', s.describeModelVersion, this.describeVersion, 'describe_model_version'), basics);
    this.add('negative_prompt', fieldRow('negative-prompt', s.negativePrompt, this.negative, 'negative_prompt'), more);
    this.add('color_palette', fieldRow('palette', s.palette, this.palette.element, 'color_palette'), more);
    // The seed row's control is the wrapper; point the field at the text box so disabling works.
    this.fields.get('seed')!.control = this.seed;
    this.fields.get('size')!.control = this.sizeKind;

    this.element = h('div', { class: 'form' },
      this.fields.get('prompt')!.row,
      basics,
      more);

    for (const control of [this.prompt, this.negative, this.seed, this.numImages, this.imageWeight, this.resemblance, this.detail]) {
      control.addEventListener('input', () => this.changed());
    }
    for (const control of [this.model, this.sizeKind, this.aspect, this.resolution, this.style, this.magic, this.describeVersion, this.randomSeed]) {
      control.addEventListener('change', () => this.changed());
    }
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

  /** Shows issues under their fields; issues of unknown fields are returned for a general line. */
  showIssues(issues: ValidationIssue[]): ValidationIssue[] {
    const byRow = new Map<string, string[]>();
    const unplaced: ValidationIssue[] = [];
    for (const issue of issues) {
      const key = rowKey(issue.field);
      if (key && this.fields.has(key)) byRow.set(key, [...(byRow.get(key) ?? []), issue.message]);
      else unplaced.push(issue);
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

  private changed(): void {
    this.sync();
    this.onChange();
  }

  // Visibility by mode, disabled-by-model reasons, and the small things that follow from values.
  private sync(): void {
    for (const [key, field] of this.fields) field.row.hidden = !(FIELD_MODES[key] ?? []).includes(this.mode);
    this.promptCount.textContent = format(this.strings.charCount, [...this.prompt.value].length);
    this.prompt.placeholder = this.mode === 'upscale' ? this.strings.promptOptional : this.strings.promptPlaceholder;
    this.seed.disabled = this.randomSeed.checked;
    const disabled = disabledFields(this.model.value);
    const reason = (key: keyof typeof disabled) => (disabled[key] ? this.strings[disabled[key]] : undefined);
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
