import * as assert from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

const repo = path.resolve(__dirname, '..', '..', '..');

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function imports(file: string): string[] {
  const src = fs.readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of src.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    found.push(m[1] ?? m[2] ?? m[3]);
  }
  return found;
}

describe('layers', () => {
  const core = tsFiles(path.join(repo, 'src', 'core'));

  it('src/core has modules to check', () => {
    assert.ok(core.length > 0);
  });

  it('src/core never imports vscode, so the CLI and plain-Node tests can use it', () => {
    const offenders = core.filter((f) => imports(f).includes('vscode')).map((f) => path.relative(repo, f));
    assert.deepStrictEqual(offenders, []);
  });

  it('src/core never reaches into the extension or the CLI', () => {
    const offenders = core.flatMap((f) => imports(f)
      .filter((i) => /(^|\/)(extension|cli)(\/|$)/.test(i))
      .map((i) => `${path.relative(repo, f)} -> ${i}`));
    assert.deepStrictEqual(offenders, []);
  });

  it('the extension and the CLI do not import each other', () => {
    const ext = tsFiles(path.join(repo, 'src', 'extension')).flatMap((f) => imports(f).filter((i) => i.includes('/cli')));
    const cli = tsFiles(path.join(repo, 'src', 'cli')).flatMap((f) => imports(f).filter((i) => i.includes('/extension') || i === 'vscode'));
    assert.deepStrictEqual([...ext, ...cli], []);
  });

  it('the sample corpus is the five seed articles, byte for byte', () => {
    // SHA-256 of the seed articles (shared/seeds, outside the repository): pinned here so the check runs everywhere.
    const seeds: Record<string, string> = {
      '000_f5a8d1d13f9f611e.txt': '0bfc405f70460abf3c7295a8917b1166336ee840e8120dc85c3d1818e93819a5',
      '001_ae3071192ac73a97.txt': 'bc545f9d5dca45157a2ee41fbd3fe4d2b2b54f0e8315295417555324f6b6f867',
      '002_ec2a2dd01141acf4.txt': '11f44f69ebf67d6e80aa1cde5d31155a8d63994c927c060bcc4eab76cd522147',
      '003_e6866273c3032639.txt': '652025914475b2ba8f0e9206e00c1455606589ae97d74bf588f0095643bd9618',
      '004_72a6e1414d8de193.txt': '212b5602b58f52d5361219a596ec0ec999de3ecff27856a45cde93666de6c7bf',
    };
    const names = fs.readdirSync(path.join(repo, 'samples')).filter((n) => n.endsWith('.txt')).sort();
    assert.deepStrictEqual(names, Object.keys(seeds));
    for (const n of names) {
      const digest = createHash('sha256').update(fs.readFileSync(path.join(repo, 'samples', n))).digest('hex');
      assert.strictEqual(digest, seeds[n], `${n} is byte-identical to the seed`);
    }
  });
});
