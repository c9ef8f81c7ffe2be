// The mask editor component: import this module to register <ideogram-mask-editor>.
import { MaskEditorElement } from './editor';

export { MaskEditorElement, MaskLoadError, type MaskChangeDetail } from './editor';
export { maskLabels, type MaskLabels } from './labels';
export { MASK_POLARITIES, type MaskPolarity } from './core/png';
export type { MaskTool } from './core/tools';

if (!customElements.get(MaskEditorElement.tagName)) customElements.define(MaskEditorElement.tagName, MaskEditorElement);

declare global {
  interface HTMLElementTagNameMap {
    'ideogram-mask-editor': MaskEditorElement;
  }
}
