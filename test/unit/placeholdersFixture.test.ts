// The fixture project of the in-host test and the demo (test/fixtures/placeholders), planned with
// the real file system answering `exists`: every missing image of every kind once, the two that
// exist left out, and the references that cannot get one listed with the reason.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { scanSyntaxFor } from '../../src/altText';
import { ASPECT_RATIOS } from '../../src/common/request/legacy';
import { generationShapes, planPlaceholders, type PlaceholderDocument, type PlaceholderPlan } from '../../src/placeholders';

const ROOT = join(__dirname, '..', 'fixtures', 'placeholders');
/** POSIX paths, as vscode.Uri.path gives them on every platform. */
const posixPath = (path: string) => path.split(sep).join('/');

/** Every document of the fixture project the scanner reads, as the command will find them. */
function fixtureDocuments(): PlaceholderDocument[] {
  return readdirSync(ROOT, { recursive: true, encoding: 'utf8' })
    .map((name) => ({ name: posixPath(name), syntax: scanSyntaxFor(name) }))
    .filter((file): file is { name: string; syntax: NonNullable<typeof file.syntax> } => file.syntax !== undefined)
    .map(({ name, syntax }) => ({ path: posixPath(join(ROOT, name)), text: readFileSync(join(ROOT, name), 'utf8'), syntax, workspaceFolderPath: posixPath(ROOT) }));
}

describe('placeholders: the fixture project', () => {
  let plan: PlaceholderPlan;
  before(async () => {
    plan = await planPlaceholders(fixtureDocuments(), {
      exists: (path) => stat(path).then(() => true, () => false),
      generationShapes: generationShapes(ASPECT_RATIOS),
      transparentAvailable: true,
    });
  });
  const item = (target: string) => {
    const found = plan.items.find((candidate) => candidate.target === target);
    assert.ok(found, `no item for ${target}`);
    return found;
  };
  const summary = (target: string) => {
    const { size, kind, format, alpha, generation } = item(target);
    return `${size.width}x${size.height} ${size.source} ${kind} ${format}${alpha ? ' alpha' : ''} ${generation.shape.value}`;
  };

  it('plans every missing image once, and none of those that exist', () => {
    assert.deepEqual(plan.items.map((planned) => planned.target), [
      'docs/diagram-800x600.png',
      'img/dashboard.png',
      'img/hero-banner-1600x900.jpg',
      'img/hero.avif',
      'img/hero.webp',
      'img/hero@2x.avif',
      'img/hero@2x.webp',
      'img/logo.png',
      'img/my photo.png',
      'img/pattern.png',
      'img/team.jpg',
      'img/windows-style.png',
      'public/apple-touch-icon.png',
      'public/avatars/default@2x.png',
      'public/favicon-32x32.png',
      'public/hero-1200x630.webp',
      'public/icons/icon-192.png',
      'public/icons/icon-512.png',
      'public/og.png',
      'public/textures/paper.jpg',
      'public/twitter-card.jpg',
    ]);
    for (const planned of plan.items) assert.equal(planned.targetPath, `${posixPath(ROOT)}/${planned.target}`);
  });

  it('lists what cannot get a placeholder: a template expression and a path outside the workspace', () => {
    assert.deepEqual(plan.ignored.map((ignored) => [relative(ROOT, ignored.document), ignored.src, ignored.reason]), [
      ['index.html', '{{ cdn }}/banner.png', 'template-expression'],
      ['index.html', '../outside.png', 'outside-workspace'],
    ]);
  });

  it('derives each kind\'s size, format, kind and alpha', () => {
    assert.equal(summary('public/og.png'), '1200x630 convention og png ASPECT_16_9');
    assert.equal(summary('public/twitter-card.jpg'), '1200x630 convention og jpeg ASPECT_16_9');
    assert.equal(summary('public/favicon-32x32.png'), '32x32 link-sizes icon png alpha ASPECT_1_1');
    assert.equal(summary('public/apple-touch-icon.png'), '180x180 convention icon png alpha ASPECT_1_1');
    assert.equal(summary('public/icons/icon-192.png'), '192x192 manifest-sizes icon png alpha ASPECT_1_1');
    assert.equal(summary('public/icons/icon-512.png'), '512x512 manifest-sizes icon png alpha ASPECT_1_1');
    assert.equal(summary('img/logo.png'), '160x40 attributes logo png alpha ASPECT_3_1');
    assert.equal(summary('img/hero@2x.webp'), '1280x720 attributes background webp ASPECT_16_9');
    assert.equal(summary('img/hero@2x.avif'), '1280x720 attributes background avif ASPECT_16_9');
    assert.equal(summary('img/hero-banner-1600x900.jpg'), '1600x900 file-name background jpeg ASPECT_16_9');
    assert.equal(summary('public/hero-1200x630.webp'), '1200x630 attributes background webp ASPECT_16_9');
    assert.equal(summary('public/avatars/default@2x.png'), '96x96 attributes illustration png ASPECT_1_1');
    assert.equal(summary('docs/diagram-800x600.png'), '800x600 file-name illustration png ASPECT_4_3');
    assert.equal(summary('img/dashboard.png'), '1024x768 default illustration png ASPECT_4_3');
  });

  it('lists the team photo\'s three references and their disagreement', () => {
    const team = item('img/team.jpg');
    assert.deepEqual(team.references.map((ref) => `${relative(ROOT, ref.document)}:${ref.range.start.line + 1} ${ref.text}`), [
      'about.html:7 img/team.jpg',
      `${join('docs', 'guide.md')}:11 ../img/team.jpg`,
      'index.html:29 img/team.jpg',
    ]);
    assert.deepEqual(team.sizeConflicts.map((conflict) => `${conflict.width}x${conflict.height}`), ['800x600', '400x300']);
    assert.equal(summary('img/team.jpg'), '800x600 attributes photo jpeg ASPECT_4_3');
  });

  it('writes prompts from the page: og:image:alt, the app name, alt text, headings and captions', () => {
    assert.equal(item('public/og.png').prompt.subject, 'A tidy desk with a weekly planner');
    assert.equal(item('public/icons/icon-192.png').prompt.subject, 'Acme Tasks');
    assert.equal(item('public/twitter-card.jpg').prompt.subject, 'Acme Tasks');
    assert.equal(item('img/dashboard.png').prompt.subject, 'Dashboard overview with this week\'s tasks');
    assert.deepEqual([item('img/hero.webp').prompt.source, item('img/hero.webp').prompt.subject], ['heading', 'Plan your week in five minutes']);
    assert.deepEqual([item('public/textures/paper.jpg').prompt.source, item('public/textures/paper.jpg').prompt.subject], ['heading', 'Ship faster with Acme']);
    assert.deepEqual([item('img/pattern.png').prompt.source, item('img/pattern.png').prompt.subject], ['file-name', 'pattern']);
  });
});
