import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { PNG } from 'pngjs';

interface Step { id: string; title: string; description: string; media: { markdown?: string }; completionEvents: string[] }
interface Manifest {
  displayName: string; description: string; icon: string; categories: string[]; keywords: string[];
  galleryBanner: { color: string; theme: string }; repository: { url: string }; license: string;
  engines: { vscode: string }; devDependencies: Record<string, string>;
  contributes: { commands: { command: string }[]; walkthroughs: { id: string; title: string; description: string; steps: Step[] }[] };
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
const nls = JSON.parse(readFileSync('package.nls.json', 'utf8')) as Record<string, string>;
const localised = (value: string) => {
  const key = /^%(.+)%$/.exec(value)?.[1];
  return key === undefined ? value : nls[key];
};

// The categories VS Code's extension manifest accepts (workbench extensionsRegistry).
const KNOWN_CATEGORIES = ['AI', 'Azure', 'Chat', 'Data Science', 'Debuggers', 'Education', 'Extension Packs', 'Formatters', 'Keymaps',
  'Language Packs', 'Linters', 'Machine Learning', 'Notebooks', 'Programming Languages', 'SCM Providers', 'Snippets', 'Testing', 'Themes',
  'Visualization', 'Other'];

describe('marketplace metadata', () => {
  it('has a 128×128 PNG icon that is mostly opaque', () => {
    const icon = PNG.sync.read(readFileSync(manifest.icon));
    assert.equal(icon.width, 128);
    assert.equal(icon.height, 128);
    let opaque = 0;
    for (let i = 3; i < icon.data.length; i += 4) if (icon.data[i] === 255) opaque++;
    assert.ok(opaque > 128 * 128 * 0.8, `only ${opaque} opaque pixels`);
  });

  it('names display name, description, categories, keywords, banner, repository and license', () => {
    assert.equal(localised(manifest.displayName), 'Ideogram for VS Code');
    assert.ok(localised(manifest.description).length > 20);
    assert.ok(manifest.categories.length > 0 && manifest.categories.every((category) => KNOWN_CATEGORIES.includes(category)), manifest.categories.join());
    assert.ok(manifest.keywords.length >= 5 && manifest.keywords.length <= 30); // the marketplace allows at most 30
    assert.match(manifest.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner.theme));
    assert.equal(manifest.repository.url, 'https://github.com/ideogram-vscode/ideogram-vscode.git');
    assert.equal(manifest.license, 'MIT');
  });

  it('targets the VS Code version whose API types it compiles against', () => {
    const engine = /(\d+)\.(\d+)/.exec(manifest.engines.vscode);
    const types = /(\d+)\.(\d+)/.exec(manifest.devDependencies['@types/vscode']);
    assert.ok(engine && types);
    assert.deepEqual(engine.slice(1), types.slice(1));
  });
});

describe('getting-started walkthrough', () => {
  const [walkthrough] = manifest.contributes.walkthroughs;
  const contributed = new Set(manifest.contributes.commands.map((command) => command.command));

  it('walks through key, provider, generate, describe and Studio', () => {
    assert.deepEqual(walkthrough.steps.map((step) => step.id), ['setApiKey', 'chooseProvider', 'generate', 'describe', 'studio']);
    assert.ok(localised(walkthrough.title));
  });

  for (const step of manifest.contributes.walkthroughs[0].steps) {
    it(`step ${step.id}: localised text, a button, a completion event and existing media`, () => {
      assert.ok(localised(step.title), 'title');
      const description = localised(step.description);
      assert.ok(description, 'description');
      // A link alone on its line renders as a button.
      const button = /\n\[[^\]]+\]\(command:([\w.]+)(\?[^)]*)?\)$/.exec(description);
      assert.ok(button, `no command button in: ${description}`);
      assert.ok(step.completionEvents.length > 0);
      for (const event of step.completionEvents) {
        const command = /^onCommand:(.+)$/.exec(event)?.[1];
        if (command) assert.ok(contributed.has(command), `${command} is not a contributed command`);
        // A setting the step is about, or a context key the extension sets (the key step: a key is available).
        else assert.match(event, /^(onSettingChanged|onContext):ideogram\.\w+$/);
      }
      if (button[1].startsWith('ideogram.')) {
        assert.ok(contributed.has(button[1]), `${button[1]} is not a contributed command`);
        assert.ok(step.completionEvents.includes(`onCommand:${button[1]}`), 'the button completes the step');
      }
      assert.ok(step.media.markdown && existsSync(step.media.markdown), `missing ${step.media.markdown}`);
    });
  }
});
