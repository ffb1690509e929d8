import * as assert from 'assert';
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

  it('the sample corpus is the five seed articles', () => {
    const names = fs.readdirSync(path.join(repo, 'samples')).filter((n) => n.endsWith('.txt')).sort();
    assert.strictEqual(names.length, 5);
    const shared = path.join(repo, '..', 'shared', 'seeds');
    if (fs.existsSync(shared)) {
      for (const n of names) {
        assert.ok(fs.readFileSync(path.join(shared, n)).equals(fs.readFileSync(path.join(repo, 'samples', n))), `${n} is byte-identical to the seed`);
      }
    }
  });
});
