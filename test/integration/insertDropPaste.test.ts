// Dropping or pasting an image file (a text/uri-list, as the explorer and the clipboard hand it
// over) into a document gives a reference in its syntax, placed like Insert's (issue 11, item 11).
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { referencesFromTransfer } from '../../src/commands/vscode/insertImage';
import { extension } from './helpers/rig';

const root = (): vscode.Uri => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the rig opened no workspace folder');
  return folder.uri;
};

describe('image drop and paste into documents', () => {
  const token = new vscode.CancellationTokenSource().token;
  const transfer = (...uris: string[]) => {
    const data = new vscode.DataTransfer();
    data.set('text/uri-list', new vscode.DataTransferItem(uris.join('\r\n')));
    return data;
  };
  const documentWith = async (relative: string, text: string) => {
    const uri = vscode.Uri.joinPath(root(), ...relative.split('/'));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    return vscode.workspace.openTextDocument(uri);
  };

  before(async () => {
    await extension().activate();
  });

  it('gives an HTML <img> with its size on a line of its own after the text it was dropped behind', async () => {
    const document = await documentWith('drop/page.html', '<p>Intro</p>\n');
    const image = vscode.Uri.joinPath(root(), 'images', 'forest.jpg');
    const text = await referencesFromTransfer(document, new vscode.Range(0, 12, 0, 12), transfer(image.toString()), token);
    assert.match(text ?? '', /^\n<img src="\.\.\/images\/forest\.jpg" alt="forest" width="\d+" height="\d+">$/);
  });

  it('gives JSX in the middle of a line between spaces, and ignores what is not an image file', async () => {
    const document = await documentWith('drop/App.jsx', 'const a = <p>AB</p>;\n');
    const image = vscode.Uri.joinPath(root(), 'images', 'sunset.png');
    const text = await referencesFromTransfer(document, new vscode.Range(0, 14, 0, 14), transfer('# a comment', image.toString(), 'https://example.com/x.png', vscode.Uri.joinPath(root(), 'README.md').toString()), token);
    assert.match(text ?? '', /^ <img src="\.\.\/images\/sunset\.png" alt="sunset" width=\{\d+\} height=\{\d+\} \/> $/);
    assert.equal(await referencesFromTransfer(document, new vscode.Range(0, 0, 0, 0), transfer(vscode.Uri.joinPath(root(), 'README.md').toString()), token), undefined);
  });
});
