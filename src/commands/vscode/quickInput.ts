// Small helpers for multi-step quick inputs: one step at a time, with a Back button and a step
// count, resolving BACK / a value / undefined (Escape). Based on the pattern of VS Code's
// quickinput sample, trimmed to what the Ideogram commands need.
import * as vscode from 'vscode';

/** Returned by a step when the user pressed Back. */
export const BACK = Symbol('back');

/** Position of a step in its flow (no step: a single screen, shown without a count or Back). */
export interface StepInfo { title: string; step?: number; totalSteps?: number }

/** A pick item carrying a value. */
export interface ValueItem<T> extends vscode.QuickPickItem { value: T }

/** Shows one quick pick step; resolves the chosen item, BACK, or undefined when dismissed. */
export function pickStep<T>(info: StepInfo, items: ValueItem<T>[], options: { placeholder: string; active?: T; buttons?: vscode.QuickInputButton[]; onButton?: (b: vscode.QuickInputButton) => void }): Promise<ValueItem<T> | typeof BACK | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<ValueItem<T>>();
    Object.assign(pick, info);
    pick.placeholder = options.placeholder;
    pick.items = items;
    pick.ignoreFocusOut = true;
    pick.matchOnDescription = true;
    const active = items.find((i) => i.value === options.active);
    if (active) pick.activeItems = [active];
    pick.buttons = [...((info.step ?? 1) > 1 ? [vscode.QuickInputButtons.Back] : []), ...(options.buttons ?? [])];
    let settled = false;
    const finish = (value: ValueItem<T> | typeof BACK | undefined): void => {
      if (settled) return;
      settled = true;
      resolve(value);
      pick.dispose();
    };
    pick.onDidTriggerButton((button) => {
      if (button === vscode.QuickInputButtons.Back) finish(BACK);
      else options.onButton?.(button);
    });
    pick.onDidAccept(() => finish(pick.selectedItems[0] ?? pick.activeItems[0]));
    pick.onDidHide(() => finish(undefined));
    pick.show();
  });
}

/** Shows one input box step; resolves the text, BACK, or undefined when dismissed. */
export function inputStep(info: StepInfo, options: {
  prompt: string; value?: string; placeholder?: string; validate?: (value: string) => string | undefined; password?: boolean;
  /** Extra title-bar buttons; `onButton` gets the text typed so far and returns true to close the step (resolving undefined). */
  buttons?: vscode.QuickInputButton[]; onButton?: (button: vscode.QuickInputButton, value: string) => boolean;
}): Promise<string | typeof BACK | undefined> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    Object.assign(box, info);
    box.prompt = options.prompt;
    box.value = options.value ?? '';
    box.placeholder = options.placeholder;
    box.ignoreFocusOut = true;
    box.password = options.password ?? false;
    box.buttons = [...((info.step ?? 1) > 1 ? [vscode.QuickInputButtons.Back] : []), ...(options.buttons ?? [])];
    let settled = false;
    const finish = (value: string | typeof BACK | undefined): void => {
      if (settled) return;
      settled = true;
      resolve(value);
      box.dispose();
    };
    const check = (value: string): string | undefined => options.validate?.(value);
    box.validationMessage = box.value ? check(box.value) : undefined;
    box.onDidChangeValue((value) => { box.validationMessage = check(value); });
    box.onDidTriggerButton((button) => {
      if (button === vscode.QuickInputButtons.Back) finish(BACK);
      else if (options.onButton?.(button, box.value)) finish(undefined);
    });
    box.onDidAccept(() => {
      const problem = check(box.value);
      if (problem) { box.validationMessage = problem; return; }
      finish(box.value);
    });
    box.onDidHide(() => finish(undefined));
    box.show();
  });
}
