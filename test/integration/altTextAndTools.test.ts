// Issue 6 in the real VS Code: the language model tools (registered with their schemas, writing
// files and sidecars through the same ImageService as the commands) and the alt-text scan, which
// must find and fix a project's images in Markdown, HTML, JSX/TSX and Vue.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { readSettings } from '../../src/common/vscode/config';
import { GenerateImageTool, type ToolServices } from '../../src/tools/vscode/generateTool';
import { extension, mockRequests, waitFor } from './helpers/rig';

const root = (): vscode.Uri => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the rig opened no workspace folder');
  return folder.uri;
};
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const readText = async (uri: vscode.Uri) => decode(await vscode.workspace.fs.readFile(uri));
const resultText = (result: vscode.LanguageModelToolResult) =>
  result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
const invoke = (name: string, input: object) =>
  vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined }, new vscode.CancellationTokenSource().token);

describe('language model tools', () => {
  before(async () => {
    await extension().activate();
  });

  it('are registered with their input schemas', () => {
    const tools = vscode.lm.tools.filter((tool) => tool.name.startsWith('ideogram_'));
    assert.deepEqual(tools.map((tool) => tool.name).sort(), ['ideogram_describeImage', 'ideogram_fillMissingImages', 'ideogram_generateImage']);
    const generate = tools.find((tool) => tool.name === 'ideogram_generateImage');
    const properties = (generate?.inputSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
    assert.deepEqual(Object.keys(properties).sort(),
      ['aspect_ratio', 'magic_prompt_option', 'model', 'negative_prompt', 'num_images', 'prompt', 'rendering_speed', 'seed', 'style_preset', 'style_type', 'transparent']);
    const describe = tools.find((tool) => tool.name === 'ideogram_describeImage');
    assert.deepEqual((describe?.inputSchema as { required?: string[] } | undefined)?.required, ['path']);
  });

  // Outside a chat, VS Code asks for the confirmation in a modal dialog that only a person can
  // answer, so these two tests drive the tool's own implementation over the extension's exported
  // operations (the same ImageService instance the commands use).
  const generateTool = () => {
    const api = extension().exports as Pick<ToolServices['images'], 'generate' | 'describe' | 'v3'>;
    return new GenerateImageTool({
      settings: readSettings,
      images: { generate: api.generate, describe: api.describe, v3: api.v3 },
      log: { warn: () => undefined, redact: (text: string) => text },
      boundary: { showOperationError: () => Promise.resolve(false), recover: () => Promise.resolve(undefined) },
    });
  };

  it('generate asks for confirmation showing the prompt, model and number of images', () => {
    const prepared = generateTool().prepareInvocation({ input: { prompt: 'a *lighthouse*', num_images: 3, model: 'V_2_TURBO' } });
    const confirmation = prepared.confirmationMessages;
    assert.ok(confirmation, 'no confirmation: generation spends money');
    const message = typeof confirmation.message === 'string' ? confirmation.message : confirmation.message.value;
    // MarkdownString.appendText escapes markdown (and writes some spaces as &nbsp;).
    assert.match(message, /a(?: |&nbsp;)\\\*lighthouse\\\*/, 'the prompt is shown as text, not markdown');
    assert.match(message, /V\\_2\\_TURBO|V_2_TURBO/);
    assert.match(message, /\b3\b/);
    assert.match(message.replaceAll('&nbsp;', ' '), /3 images billed · about \$0\.15/, 'the estimate from the price table (V_2_TURBO at $0.05)');
    assert.match(confirmation.title, /\b3 image/, 'the title says how many images are billed');
  });

  it('generate saves the images with sidecars where the commands save them, and returns their paths', async () => {
    const token = new vscode.CancellationTokenSource().token;
    const input = { prompt: 'a lighthouse at dusk, flat illustration', num_images: 2, model: 'V_2' };
    const result = resultText(await generateTool().invoke({ input, toolInvocationToken: undefined }, token));
    const paths = [...result.matchAll(/^- (\S+\.(?:png|jpg|webp)) \(/gm)].map((match) => match[1]);
    assert.equal(paths.length, 2, result);
    for (const relative of paths) {
      assert.ok(relative.startsWith('assets/ideogram/'), `${relative} is not in the default output folder`);
      const image = vscode.Uri.joinPath(root(), ...relative.split('/'));
      const bytes = await vscode.workspace.fs.readFile(image);
      assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47], 'not a PNG');
      const sidecar = JSON.parse(await readText(image.with({ path: image.path.replace(/\.\w+$/, '.json') }))) as Record<string, unknown>;
      assert.equal(sidecar.operation, 'generate');
      assert.equal(sidecar.prompt, 'a lighthouse at dusk, flat illustration');
      assert.equal(sidecar.model, 'V_2');
    }
  });

  it('generate answers bad input with a clear error text and sends nothing', async () => {
    const before = (await mockRequests()).length;
    const result = resultText(await invoke('ideogram_generateImage', { prompt: 'x', model: 'V_2A', negative_prompt: 'blur', num_images: 1 }));
    assert.match(result, /^Invalid input, nothing was sent to Ideogram:/);
    assert.match(result, /negative_prompt/);
    assert.equal((await mockRequests()).length, before);
  });

  it('describe returns the descriptions of a workspace image', async () => {
    const result = resultText(await invoke('ideogram_describeImage', { path: 'images/sunset.png' }));
    assert.match(result, /^Descriptions of images\/sunset\.png:\n1\. \S/, result);
  });

  it('describe refuses a path outside the workspace', async () => {
    const result = resultText(await invoke('ideogram_describeImage', { path: '../outside.png' }));
    assert.match(result, /^Invalid input/);
    assert.match(result, /path must be relative to the workspace folder/);
  });
});

// A small project with one image reference lacking alt text per syntax, plus ones that must stay.
const PROJECT: Record<string, string> = {
  'docs/guide.md': '# Guide\n\n![](../images/sunset.png)\n![ ](../images/forest.jpg "Forest")\n![Logo](../images/logo.webp)\n\n```\n![](../images/sunset.png)\n```\n',
  'site/index.html': '<!doctype html>\n<body>\n  <img\n    src="../images/sunset.png"\n    width="64">\n  <img src="https://example.com/x.png">\n</body>\n',
  'web/App.tsx': 'export const App = () => (\n  <main>\n    <img src="../images/forest.jpg" />\n    <img src="../images/sunset.png" alt="" />\n    <img src={"../images/logo.webp"} alt={label} />\n  </main>\n);\nconst label = "x";\n',
  'web/Card.vue': '<template>\n  <img src="../images/logo.webp">\n  <img src="../images/sunset.png" :alt="caption">\n</template>\n<script setup>\nconst caption = "c";\n</script>\n',
  'node_modules/pkg/README.md': '![](../../images/sunset.png)\n',
};

describe('Find Images Missing Alt Text', () => {
  const project = () => vscode.Uri.joinPath(root(), 'alt-project');
  const fileUri = (relative: string) => vscode.Uri.joinPath(project(), ...relative.split('/'));

  before(async () => {
    await extension().activate();
    for (const [relative, text] of Object.entries(PROJECT)) await vscode.workspace.fs.writeFile(fileUri(relative), new TextEncoder().encode(text));
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(root(), 'images'), vscode.Uri.joinPath(project(), 'images'), { overwrite: true });
  });

  interface ScanResult { scanned: number; missing: number; described: number; fixed: number; edit: vscode.WorkspaceEdit; applied: boolean }

  it('finds the images in all four syntaxes and offers one edit, which the test applies', async () => {
    const result = await vscode.commands.executeCommand<ScanResult | undefined>('ideogram.findMissingAltText', { apply: false });
    assert.ok(result, 'the command returned nothing');
    assert.equal(result.applied, false);
    const entries = new Map(result.edit.entries().map(([uri, edits]) => [uri.path, edits]));
    const inProject = [...entries.keys()].filter((path) => path.includes('/alt-project/')).sort();
    assert.deepEqual(inProject, ['docs/guide.md', 'site/index.html', 'web/App.tsx', 'web/Card.vue'].map((r) => fileUri(r).path).sort(),
      'node_modules must be skipped, every syntax found');
    assert.equal(entries.get(fileUri('docs/guide.md').path)?.length, 2);
    for (const r of ['site/index.html', 'web/App.tsx', 'web/Card.vue']) assert.equal(entries.get(fileUri(r).path)?.length, 1, r);

    // The real command asks for review in the refactor preview; a test has no user, so it applies the same edits directly.
    const plain = new vscode.WorkspaceEdit();
    for (const [uri, edits] of result.edit.entries()) if (uri.path.includes('/alt-project/')) plain.set(uri, edits);
    assert.ok(await vscode.workspace.applyEdit(plain));
    // applyEdit changes these files' documents without opening editors, and workspace.saveAll saves
    // only editors (VS Code's editorService.saveAll): the disk was still unchanged when read below.
    // So each document is saved itself. code-server (VS Code for the Web) also auto-saves after 1 s by
    // default, and an explicit save overlapping that one has answered false although the file got
    // written: what counts is that every document ends up saved (a failed write keeps it dirty).
    for (const [uri] of plain.entries()) {
      const document = await vscode.workspace.openTextDocument(uri);
      await document.save();
      await waitFor(`${vscode.workspace.asRelativePath(uri)} saved`, () => !document.isDirty);
    }

    const md = await readText(fileUri('docs/guide.md'));
    assert.match(md, /\n!\[A [^\]]+\]\(\.\.\/images\/sunset\.png\)\n/);
    assert.match(md, /!\[A JPEG image of \d+ bytes\.\]\(\.\.\/images\/forest\.jpg "Forest"\)/);
    assert.ok(md.includes('![Logo](../images/logo.webp)'), 'existing alt text changed');
    assert.ok(md.includes('```\n![](../images/sunset.png)\n```'), 'code block changed');
    const html = await readText(fileUri('site/index.html'));
    assert.match(html, /src="\.\.\/images\/sunset\.png" alt="A [^"]+"\n {4}width="64">/);
    const tsx = await readText(fileUri('web/App.tsx'));
    assert.match(tsx, /<img src="\.\.\/images\/forest\.jpg" alt="A JPEG image of \d+ bytes\." \/>/);
    assert.ok(tsx.includes('alt={label}'));
    assert.ok(tsx.includes('<img src="../images/sunset.png" alt="" />'), 'an alt="" (decorative on purpose) was filled without ideogram.fillEmptyAltText');
    const vue = await readText(fileUri('web/Card.vue'));
    assert.match(vue, /<img src="\.\.\/images\/logo\.webp" alt="A WEBP image of \d+ bytes\.">/);
    assert.ok(vue.includes(':alt="caption"'));
  });

  it('finds nothing left to fix afterwards', async () => {
    const files = ['docs/guide.md', 'site/index.html', 'web/App.tsx', 'web/Card.vue'].map(fileUri);
    const result = await vscode.commands.executeCommand<ScanResult | undefined>('ideogram.findMissingAltText', { apply: false, files });
    assert.ok(result);
    assert.equal(result.scanned, 4);
    assert.equal(result.missing, 0);
    assert.equal(result.edit.size, 0);
  });

  it('writes one description as alt text at the image reference in the active editor', async () => {
    const doc = fileUri('docs/notes.md');
    await vscode.workspace.fs.writeFile(doc, new TextEncoder().encode('Intro\n\n![](../images/logo.webp)\n'));
    const editor = await vscode.window.showTextDocument(doc);
    const written = await vscode.commands.executeCommand<number>('ideogram.writeAltText', vscode.Uri.joinPath(project(), 'images', 'logo.webp'), 'A [bold] logo');
    assert.equal(written, 1);
    // Brackets cannot be escaped in Markdown alt text (the preview drops the backslashes): an <img> tag keeps them.
    assert.equal(editor.document.getText(), 'Intro\n\n<img src="../images/logo.webp" alt="A [bold] logo" />\n');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
