// Messages shown in notifications must never carry a link: VS Code turns `[label](command:…)` into
// a link that runs the command (one click could replace the user's key or install an extension).
import { strict as assert } from 'node:assert';
import { plainNotificationText } from '../../src/common/plainText';

// VS Code's own link grammar for notifications and progress messages: parseLinkedText in
// src/vs/base/common/linkedText.ts, unchanged in code-server 4.139.1 (VS Code 1.139.1).
const VSCODE_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;
const linksIn = (message: string): string[] => [...message.matchAll(VSCODE_LINK)].map((match) => match[2]);
const visible = (message: string): string => message.replaceAll('\u2060', '');

const ATTACKS = [
  // A workspace file name (issue 10) and the same link inside a server's error text.
  '[Fix this image](command:ideogram.setApiKey?%22sk-attacker%22).png',
  'The provider rejected the generate request (400): [Click to renew your key](command:ideogram.setApiKey?%22sk-x%22).',
  '[Install the fix](command:workbench.extensions.installExtension?%22evil.ext%22)',
  '[docs](https://evil.example/phish "Ideogram help") and [open](file:///etc/passwd)',
  // Nested and repeated brackets, and a link split over text the extension wrote around it.
  '[[a](command:x)] [b](command:y)(command:z)',
  'Could not read [x](command:a).png ([y](https://b.example)).',
];

describe('plain notification text', () => {
  it('the attack strings really are links to VS Code (the test would see them)', () => {
    for (const attack of ATTACKS) assert.ok(linksIn(attack).length > 0, attack);
  });

  it('leaves no link that VS Code would render, whatever the text', () => {
    for (const attack of ATTACKS) assert.deepEqual(linksIn(plainNotificationText(attack)), [], attack);
  });

  it('changes nothing a reader can see', () => {
    for (const text of [...ATTACKS, 'Saved assets/ideogram/a-fox.png.', 'ideogram.baseUrl (ftp://x) is not an http(s) URL.', '']) {
      assert.equal(visible(plainNotificationText(text)), text);
    }
    assert.equal(plainNotificationText('No brackets (here).'), 'No brackets (here).');
  });

  it('is idempotent, so a message made plain twice reads the same', () => {
    for (const attack of ATTACKS) assert.equal(plainNotificationText(plainNotificationText(attack)), plainNotificationText(attack));
  });
});
