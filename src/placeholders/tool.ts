// The "fill missing images" language model tool's contract: its name and input schema (package.json
// declares the same; a unit test keeps them equal) and the reading of its input. Pure.

/** Name of the tool in package.json `contributes.languageModelTools`. */
export const FILL_TOOL_NAME = 'ideogram_fillMissingImages';

/** JSON schema of the tool's input. */
export const FILL_TOOL_INPUT_SCHEMA = {
  type: 'object',
  properties: {
    folder: {
      type: 'string',
      description: 'Workspace-relative folder whose pages (HTML, Markdown, JSX/TSX, Vue, Svelte, CSS, web app manifests) are checked, e.g. "site" or "src/pages". Omit for the whole workspace.',
    },
  },
  additionalProperties: false,
} as const;

/** The tool's input, read leniently: a folder that is not a string, or empty, means the whole workspace. */
export function readFillInput(input: unknown): { folder?: string } {
  const folder = typeof input === 'object' && input !== null ? (input as Record<string, unknown>).folder : undefined;
  return typeof folder === 'string' && folder.trim() !== '' && folder.trim() !== '.' ? { folder: folder.trim() } : {};
}
