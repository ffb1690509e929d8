// A sidecar Sift cannot read is reported in the Problems view under the file's own URI in the browser (the workspace
// folder's scheme, not `file:`, which the browser cannot open), and the file is left as it was.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { WEB_ANNOTATOR, copySample, rpc, sidecarOf, waitFor } from './host';

interface Problems { uri: string; problems: { message: string; line: number }[] }

describe('web: sidecar problems', () => {
  it('a broken sidecar is listed in Problems under its workspace URI, and is not written over', async () => {
    const article = copySample('000_f5a8d1d13f9f611e.txt');
    const file = sidecarOf(article, WEB_ANNOTATOR);
    const broken = 'sift: 1\nannotator: webtester\nentities:\n  - id: e1\n    start: [unclosed\n';
    fs.writeFileSync(file, broken);
    const folderUri = await rpc<string>({ op: 'open', path: article });
    const name = path.basename(file);
    const found = await waitFor(async () => {
      const list = await rpc<Problems[]>({ op: 'diagnostics', text: name });
      return list.find((p) => p.problems.length > 0);
    }, { message: `a Problems entry for ${name}` });
    const scheme = (u: string) => u.slice(0, u.indexOf(':'));
    assert.strictEqual(scheme(found.uri), scheme(folderUri), `the entry's URI (${found.uri}) is in the article's scheme (${folderUri})`);
    assert.ok(found.uri.endsWith(encodeURIComponent(name).replace(/%2F/g, '/')) || found.uri.endsWith(name), found.uri);
    assert.ok(found.problems[0].line >= 3, `the problem points into the broken list (line ${found.problems[0].line + 1})`);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), broken, 'the file it could not parse is left as it was');
  });
});
