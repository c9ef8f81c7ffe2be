// Public surface of the alt-text scanner (pure: no vscode import; the adapters live in ./vscode).
export * from './types';
export { PositionMapper } from './positions';
export { normaliseAltText, escapeHtmlAttribute, jsStringLiteral } from './escape';
export { isRemoteReference, resolveReferencePath } from './resolvePath';
export { findImageReferences, findMissingAltText, syntaxForFileName, syntaxForLanguageId } from './scan';
export { altTextEdit, altTextChange, applyAltTextEdits } from './edits';
export { planAltTextForImage, type AltTextPlan, type AltTextPlanOptions } from './forImage';
