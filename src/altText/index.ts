// Public surface of the image-reference scanner behind the alt-text and placeholders features
// (pure: no vscode import; the alt-text adapters live in ./vscode).
export * from './types';
export { PositionMapper } from './positions';
export { normaliseAltText, escapeHtmlAttribute, jsStringLiteral } from './escape';
export { isRemoteReference, referencePathname, resolveReferencePath } from './resolvePath';
export { findImageReferences, findMissingAltText, scanDocument, type MissingAltTextOptions, scanFileGlob, scanSyntaxFor, syntaxForFileName, syntaxForLanguageId } from './scan';
export { plainText } from './plainText';
export { altTextEdit, altTextChange, applyAltTextEdits } from './edits';
export { planAltTextForImage, type AltTextPlan, type AltTextPlanOptions } from './forImage';
