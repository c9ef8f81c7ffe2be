// Field factories: every control gets a visible label, an id the label points at, an accessible
// name inside its shadow DOM, a line for "why is this disabled" and a live line for validation.
import { valueLabel } from '../common/request/labels';
import { h } from './dom';
import type { VscodeSingleSelect, VscodeTextarea, VscodeTextfield } from './elements';

/** One labelled form row. `apiField` is the request field whose validation issues it shows. */
export interface Field {
  row: HTMLElement;
  control: HTMLElement;
  reason: HTMLElement;
  error: HTMLElement;
}

/** A choice for a select: the API value and what the user sees. */
export interface Choice { value: string; label: string }

/** Wraps a control in a labelled row with reason and error lines. */
export function fieldRow(id: string, label: string, control: HTMLElement, apiField: string, extra?: HTMLElement): Field {
  const reason = h('div', { class: 'reason', id: `${id}-reason`, hidden: true });
  const error = h('div', { class: 'error', id: `${id}-error`, 'aria-live': 'polite' });
  const row = h('div', { class: 'field', 'data-field': apiField },
    h('vscode-label', { for: id }, label),
    control,
    extra,
    reason,
    error);
  return { row, control, reason, error };
}

/** A single-line text or number field. */
export function textField(id: string, label: string, options: { type?: 'text' | 'number'; min?: number; max?: number; step?: number; placeholder?: string } = {}): VscodeTextfield {
  const field = h('vscode-textfield', { id, type: options.type ?? 'text', min: options.min, max: options.max, step: options.step, placeholder: options.placeholder }) as VscodeTextfield;
  field.label = label;
  return field;
}

/** A multi-line text field. */
export function textArea(id: string, label: string, rows: number, placeholder?: string): VscodeTextarea {
  const area = h('vscode-textarea', { id, rows, resize: 'vertical', placeholder }) as VscodeTextarea;
  area.label = label;
  return area;
}

/** A drop-down; `combobox` adds typing to filter (for the 78 resolutions). */
export function select(id: string, label: string, choices: Choice[], combobox = false): VscodeSingleSelect {
  const element = h('vscode-single-select', { id, combobox, 'aria-label': label }) as VscodeSingleSelect;
  for (const choice of choices) element.appendChild(h('vscode-option', { value: choice.value }, choice.label));
  return element;
}

/** Shows or hides the "disabled because …" line of a field and disables its control. */
export function setDisabledReason(field: Field, reason: string | undefined): void {
  (field.control as HTMLElement & { disabled: boolean }).disabled = reason !== undefined;
  field.reason.hidden = reason === undefined;
  field.reason.textContent = reason ?? '';
}

/** Shows validation messages under a field (or clears them). */
export function setError(field: Field, messages: string[]): void {
  const text = messages.join(' ');
  if (field.error.textContent !== text) field.error.textContent = text;
  (field.control as HTMLElement & { invalid?: boolean }).invalid = messages.length > 0;
}

/** Choices for a list of API values, optionally led by a "default" entry with value ''. */
export function choices(values: readonly string[], defaultLabel?: string): Choice[] {
  const list = values.map((value) => ({ value, label: valueLabel(value) }));
  return defaultLabel === undefined ? list : [{ value: '', label: defaultLabel }, ...list];
}
