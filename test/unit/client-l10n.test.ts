// The client's messages in the UI language: once @vscode/l10n has the Chinese bundle (as the host
// and the Studio webview configure it), validation issues and API errors are Chinese; without it
// (plain Node, the mock server, English VS Code) they are the English source strings.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as l10n from '@vscode/l10n';
import { checkGenerateRequest, checkUpscaleRequest } from '../../src/common/request/validation';
import { errorFromResponse } from '../../src/ideogram';

const zh = JSON.parse(readFileSync('l10n/bundle.l10n.zh-cn.json', 'utf8')) as Record<string, string>;
const forbidden = { status: 422, body: '{"error":"unsafe"}', op: 'generate', transport: 'multipart', provider: 'custom', secrets: [] };

describe('client messages follow the configured l10n bundle', () => {
  // Global state of @vscode/l10n: always back to English for the other test files.
  afterEach(() => l10n.config({ contents: {} }));

  it('English without a bundle', () => {
    assert.equal(checkGenerateRequest({ prompt: 'x', seed: -1 })[0]?.message, 'Seed must be at least 0.');
    assert.match(errorFromResponse(forbidden).message, /^Ideogram rejected the generate request in its safety check \(422\): unsafe\./);
  });

  it('Simplified Chinese with the zh-cn bundle, placeholders filled', () => {
    l10n.config({ contents: zh });
    assert.equal(checkGenerateRequest({ prompt: 'x', seed: -1 })[0]?.message, '种子不能小于 0。');
    assert.equal(checkGenerateRequest({ prompt: ' ' })[0]?.message, '提示词为空；请描述你想要的图像。');
    assert.equal(checkUpscaleRequest({ detail: 101 })[0]?.message, '细节不能大于 100。');
    assert.equal(checkGenerateRequest({ prompt: 'x', steps: 3 })[0]?.message, '“steps” 不是此请求的字段；请删除它。');
    assert.equal(errorFromResponse(forbidden).message, 'Ideogram 的安全检查拒绝了生成请求（422）：unsafe。请修改提示词或图像后重试。');
  });
});
