// The one review before spending: a quick pick of every planned file with its prompt, size,
// format and model, each untickable and editable (a button), with the number of images (and the
// estimated price from the price table: see ReviewOptions.billing).
import * as vscode from 'vscode';
import { formatPixelSize, parsePixelSize } from '../../common/placeholderSettings';
import { valueLabel } from '../../common/request/labels';
import { nearestGenerationShape, type GenerationShape, type PlaceholderItem } from '..';

/** Options of reviewPlaceholders. */
export interface ReviewOptions {
  /** The model the images are made with (shown on every row). */
  model: string;
  /** The shapes the model generates: an edited size gets the nearest. */
  generationShapes: readonly GenerationShape[];
  /** What `count` images bill ("2 images billed · about $0.16", from the price table), shown in the title. */
  billing(count: number): string;
}

interface ReviewRow extends vscode.QuickPickItem { index: number }

/** Lets the user review, edit and untick the plan; resolves the items to make, or undefined when dismissed. */
export async function reviewPlaceholders(planned: readonly PlaceholderItem[], options: ReviewOptions): Promise<PlaceholderItem[] | undefined> {
  const items = [...planned];
  let chosen = new Set(items.map((_, index) => index));
  for (;;) {
    const answer = await showReview(items, chosen, options);
    if (!answer) return undefined;
    chosen = answer.chosen;
    if (answer.accepted) return items.filter((_, index) => chosen.has(index));
    if (answer.edit !== undefined) items[answer.edit] = (await editItem(items[answer.edit], options)) ?? items[answer.edit];
  }
}

function rowFor(item: PlaceholderItem, index: number, options: ReviewOptions, edit: vscode.QuickInputButton): ReviewRow {
  return {
    index,
    label: item.target,
    description: vscode.l10n.t('{0} · {1} · {2} at {3}', `${item.size.width}×${item.size.height}`, item.format.toUpperCase(), options.model, valueLabel(item.generation.shape.value)),
    detail: item.prompt.text,
    buttons: [edit],
  };
}

function reviewTitle(count: number, options: ReviewOptions): string {
  return count === 1
    ? vscode.l10n.t('Ideogram: generate 1 missing image ({0})', options.billing(count))
    : vscode.l10n.t('Ideogram: generate {0} missing images ({1})', count, options.billing(count));
}

function showReview(items: readonly PlaceholderItem[], chosen: ReadonlySet<number>, options: ReviewOptions): Promise<{ accepted: boolean; chosen: Set<number>; edit?: number } | undefined> {
  const edit: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('edit'), tooltip: vscode.l10n.t('Edit prompt and size') };
  const pick = vscode.window.createQuickPick<ReviewRow>();
  const rows = items.map((item, index) => rowFor(item, index, options, edit));
  pick.canSelectMany = true;
  pick.ignoreFocusOut = true;
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.placeholder = vscode.l10n.t('Untick what should not be made; the pencil edits a prompt or size; Enter generates');
  pick.items = rows;
  pick.selectedItems = rows.filter((row) => chosen.has(row.index));
  pick.title = reviewTitle(pick.selectedItems.length, options);
  pick.onDidChangeSelection((selected) => { pick.title = reviewTitle(selected.length, options); });
  return new Promise((settle) => {
    let settled = false;
    const finish = (answer: { accepted: boolean; chosen: Set<number>; edit?: number } | undefined) => {
      if (settled) return;
      settled = true;
      settle(answer);
      pick.hide();
    };
    const selection = () => new Set(pick.selectedItems.map((row) => row.index));
    pick.onDidTriggerItemButton((event) => finish({ accepted: false, chosen: selection(), edit: event.item.index }));
    pick.onDidAccept(() => finish({ accepted: true, chosen: selection() }));
    pick.onDidHide(() => {
      finish(undefined);
      pick.dispose();
    });
    pick.show();
  });
}

/** Asks for a new prompt and size; the generation shape follows the size. Undefined when dismissed. */
async function editItem(item: PlaceholderItem, options: ReviewOptions): Promise<PlaceholderItem | undefined> {
  const prompt = await vscode.window.showInputBox({
    title: vscode.l10n.t('Prompt for {0}', item.target),
    value: item.prompt.text,
    ignoreFocusOut: true,
    validateInput: (text) => (text.trim() === '' ? vscode.l10n.t('Enter a prompt.') : undefined),
  });
  if (prompt === undefined) return undefined;
  const sizeText = await vscode.window.showInputBox({
    title: vscode.l10n.t('Size of {0} (WIDTHxHEIGHT)', item.target),
    value: formatPixelSize(item.size),
    ignoreFocusOut: true,
    validateInput: (text) => (parsePixelSize(text) ? undefined : vscode.l10n.t('Write the size as WIDTHxHEIGHT, e.g. 1200x630 (1 to 4096 pixels each).')),
  });
  const size = sizeText === undefined ? undefined : parsePixelSize(sizeText);
  const edited: PlaceholderItem = { ...item, prompt: { ...item.prompt, text: prompt.trim() } };
  if (!size || (size.width === item.size.width && size.height === item.size.height)) return edited;
  return { ...edited, size: { ...item.size, ...size }, sizeConflicts: [], generation: nearestGenerationShape(size, options.generationShapes) };
}
