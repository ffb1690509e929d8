// readArticleVia: an article read through a file port (the browser's vscode.workspace.fs) gets the checks a read
// through Node's fs gets (readArticleFile), and a file the port says is over the limit is refused before it is read.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ArticleError, ArticlePort, readArticleFile, readArticleVia } from '../../src/core/text/article';

/** A port over an in-memory file; counts reads; `size` is what its stat says (undefined: a port that does not know). */
function memoryPort(bytes: Uint8Array | undefined, size: number | undefined = bytes?.length): ArticlePort & { reads: number } {
  const port = {
    reads: 0,
    readBytes: () => { port.reads++; return bytes ? Promise.resolve(bytes) : Promise.reject(new Error('no such file')); },
    stat: () => Promise.resolve(bytes ? { mtimeMs: 1_700_000_000_000, ...(size === undefined ? {} : { size }) } : undefined),
  };
  return port;
}

const problem = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof ArticleError, `an ArticleError (${String(e)})`);
    return e.problem;
  }
  assert.fail('the read was refused');
};

describe('readArticleVia (an article through a file port)', () => {
  it('gives the text and time readArticleFile gives for the same file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sift-via-'));
    try {
      const file = path.join(dir, 'a.txt');
      fs.writeFileSync(file, '\uFEFFMoscow, Dec 16 \u{1F600}\r\nDamascus.');
      const port: ArticlePort = { readBytes: (f) => fs.promises.readFile(f), stat: async (f) => { const s = await fs.promises.stat(f); return { mtimeMs: s.mtimeMs, size: s.size }; } };
      const via = await readArticleVia(port, file);
      const direct = readArticleFile(file);
      assert.strictEqual(via.text, direct.text);
      assert.strictEqual(via.mtime.getTime(), direct.mtime.getTime());
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file over the limit from its stat, without reading it', async () => {
    const port = memoryPort(new Uint8Array(10), 5000);
    assert.strictEqual(await problem(readArticleVia(port, '/w/big.txt', 1000)), 'too-large');
    assert.strictEqual(port.reads, 0, 'never read');
  });

  it('refuses a file over the limit when the port does not know its size, after reading it', async () => {
    const port = memoryPort(new Uint8Array(2000).fill(65), undefined);
    assert.strictEqual(await problem(readArticleVia(port, '/w/big.txt', 1000)), 'too-large');
  });

  it('refuses a missing file, a binary one and one that is not UTF-8', async () => {
    assert.strictEqual(await problem(readArticleVia(memoryPort(undefined), '/w/none.txt')), 'missing');
    assert.strictEqual(await problem(readArticleVia(memoryPort(new Uint8Array([65, 0, 66])), '/w/bin.txt')), 'binary');
    assert.strictEqual(await problem(readArticleVia(memoryPort(new Uint8Array([65, 0xc3, 0x28])), '/w/bad.txt')), 'not-utf8');
  });
});

describe('readArticleVia: the time of a file whose mtime has a fraction of a millisecond', () => {
  it('is rounded as Node\'s fs rounds it, not truncated', async () => {
    const at = (mtimeMs: number): ArticlePort => ({ readBytes: () => Promise.resolve(new Uint8Array([65])), stat: () => Promise.resolve({ mtimeMs, size: 1 }) });
    assert.strictEqual((await readArticleVia(at(1_796_117_969_359.6), '/w/a.txt')).mtime.getTime(), 1_796_117_969_360);
    assert.strictEqual((await readArticleVia(at(1_796_117_969_359.4), '/w/a.txt')).mtime.getTime(), 1_796_117_969_359);
  });
});
