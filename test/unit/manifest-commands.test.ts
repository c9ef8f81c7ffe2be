import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';

describe('manifest menus and commands', () => {
  type Menu = { command?: string; submenu?: string; when?: string; group?: string }[];
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
    contributes: { commands: { command: string; title: string; category?: string }[]; menus: Record<string, Menu>; submenus: { id: string; label: string }[] };
  };
  const nls = JSON.parse(readFileSync('package.nls.json', 'utf8')) as Record<string, string>;

  it('contributes every command in the Ideogram category with an English title', () => {
    const ids = ['ideogram.generate', 'ideogram.remix', 'ideogram.upscale', 'ideogram.describe', 'ideogram.openStudio', 'ideogram.setApiKey', 'ideogram.clearApiKey', 'ideogram.showLog'];
    for (const id of ids) {
      const command = manifest.contributes.commands.find((c) => c.command === id);
      assert.ok(command, id);
      assert.equal(command.category, 'Ideogram');
      const key = /^%(.+)%$/.exec(command.title)?.[1];
      assert.ok(key && nls[key], `${id} title in package.nls.json`);
    }
    assert.equal(nls['command.generate.title'], 'Generate Image…');
  });

  it('puts Describe, Remix, Upscale, Open in Studio and the Ideogram 3.0 commands and Insert into Editor in an Ideogram submenu on images in the explorer and the image preview', () => {
    const explorer = manifest.contributes.menus['explorer/context'].find((m) => m.submenu === 'ideogram.explorerContext');
    assert.ok(explorer?.when?.includes('resourceExtname =~ /\\.(png|jpe?g|webp)$/i'), explorer?.when);
    const title = manifest.contributes.menus['editor/title'].find((m) => m.submenu === 'ideogram.editorTitle');
    assert.equal(title?.when, "activeCustomEditorId == 'imagePreview.previewEditor'");
    for (const submenu of ['ideogram.explorerContext', 'ideogram.editorTitle']) {
      assert.deepEqual(manifest.contributes.menus[submenu].map((m) => m.command), [
        'ideogram.describe', 'ideogram.remix', 'ideogram.upscale', 'ideogram.openInStudio', 'ideogram.insertImage',
        'ideogram.v3.reframe', 'ideogram.v3.replaceBackground', 'ideogram.v3.removeBackground', 'ideogram.v3.generateTransparent',
        'ideogram.v3.inpaint', 'ideogram.v3.useAsStyleReference', 'ideogram.v3.useAsCharacterReference',
      ]);
      const label = manifest.contributes.submenus.find((s) => s.id === submenu)?.label;
      assert.equal(nls[/^%(.+)%$/.exec(label ?? '')?.[1] ?? ''], 'Ideogram');
    }
    // It needs an image, so the palette does not offer it.
    assert.equal(nls['command.openInStudio.title'], 'Open in Studio');
    assert.equal(manifest.contributes.menus.commandPalette.find((m) => m.command === 'ideogram.openInStudio')?.when, 'false');
  });
});
