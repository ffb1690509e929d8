import * as assert from 'assert';
import fc from 'fast-check';
import { WriteNotVerifiedError, WriteTarget, writeVerified } from '../../src/core/store/verifiedWrite';

/**
 * A fake vscode.workspace.fs in memory, with the faults a remote or virtual file system can have: no rename, a rename
 * that fails, writes that land altered (truncated), reads that fail after a write.
 */
class FakeFs implements WriteTarget {
  readonly files = new Map<string, string>();
  readonly log: string[] = [];
  canRename = true;
  renameFails = false;
  /** Alters what lands on disk for files matching it (not the recovery copy). */
  corrupt: ((file: string, text: string) => string) | undefined;
  readFails: ((file: string) => boolean) | undefined;

  read(file: string): Promise<string | undefined> {
    this.log.push(`read ${file}`);
    if (this.readFails?.(file)) return Promise.reject(new Error('the connection dropped'));
    return Promise.resolve(this.files.get(file));
  }

  write(file: string, text: string): Promise<void> {
    this.log.push(`write ${file}`);
    this.files.set(file, this.corrupt ? this.corrupt(file, text) : text);
    return Promise.resolve();
  }

  get rename(): WriteTarget['rename'] {
    if (!this.canRename) return undefined;
    return (from: string, to: string) => {
      this.log.push(`rename ${from} ${to}`);
      if (this.renameFails) return Promise.reject(new Error('EXDEV'));
      const text = this.files.get(from);
      if (text === undefined) return Promise.reject(new Error('ENOENT'));
      this.files.delete(from);
      this.files.set(to, text);
      return Promise.resolve();
    };
  }

  remove(file: string): Promise<void> {
    this.log.push(`remove ${file}`);
    this.files.delete(file);
    return Promise.resolve();
  }

  temps(): string[] {
    return [...this.files.keys()].filter((f) => f.endsWith('.tmp'));
  }
}

const FILE = '/ws/a.alice.ann.yaml';
const RECOVERY = '/ws/a.alice.ann.recovery.yaml';

describe('verifiedWrite: atomic where the file system can rename, else write-then-verify, never losing work', () => {
  it('writes through a temp file and a rename when the file system can rename, leaving no temp file', async () => {
    const fs = new FakeFs();
    assert.strictEqual(await writeVerified(fs, FILE, 'new'), 'written');
    assert.strictEqual(fs.files.get(FILE), 'new');
    assert.ok(fs.log.some((l) => l.startsWith('rename ')), fs.log.join('\n'));
    assert.deepStrictEqual(fs.temps(), []);
  });

  it('writes directly, then reads back, when the file system cannot rename', async () => {
    const fs = new FakeFs();
    fs.canRename = false;
    assert.strictEqual(await writeVerified(fs, FILE, 'new'), 'written');
    assert.deepStrictEqual(fs.log, [`write ${FILE}`, `read ${FILE}`]);
  });

  it('falls back to a direct write when the rename fails, and removes its temp file', async () => {
    const fs = new FakeFs();
    fs.renameFails = true;
    assert.strictEqual(await writeVerified(fs, FILE, 'new'), 'written');
    assert.strictEqual(fs.files.get(FILE), 'new');
    assert.deepStrictEqual(fs.temps(), []);
  });

  it('keeps a recovery copy and fails clearly when what was written does not read back', async () => {
    const fs = new FakeFs();
    fs.canRename = false;
    fs.corrupt = (file, text) => (file === FILE ? text.slice(0, 3) : text);
    const text = 'entities:\n  - id: e-1\n';
    await assert.rejects(writeVerified(fs, FILE, text, { recoveryPath: RECOVERY }), (e: unknown) => {
      assert.ok(e instanceof WriteNotVerifiedError);
      assert.strictEqual(e.recoveryPath, RECOVERY);
      assert.match(e.message, /a\.alice\.ann\.recovery\.yaml/);
      return true;
    });
    assert.strictEqual(fs.files.get(RECOVERY), text);
  });

  it('says so when even the recovery copy cannot be kept (the work stays in memory)', async () => {
    const fs = new FakeFs();
    fs.canRename = false;
    fs.corrupt = () => 'x';
    await assert.rejects(writeVerified(fs, FILE, 'the work', { recoveryPath: RECOVERY }), (e: unknown) => e instanceof WriteNotVerifiedError && e.recoveryPath === undefined && /kept in memory/.test(e.message));
  });

  it('treats a read that fails after the write as unverified', async () => {
    const fs = new FakeFs();
    fs.canRename = false;
    fs.readFails = (file) => file === FILE;
    await assert.rejects(writeVerified(fs, FILE, 'the work', { recoveryPath: RECOVERY }), /cannot be read: the connection dropped/);
    assert.strictEqual(fs.files.get(RECOVERY), 'the work');
  });

  it('compare-before-write: does not write over a file that changed since it was read', async () => {
    const fs = new FakeFs();
    fs.files.set(FILE, 'theirs');
    assert.strictEqual(await writeVerified(fs, FILE, 'mine', { expected: { text: 'what I read' } }), 'changed');
    assert.strictEqual(fs.files.get(FILE), 'theirs');
    assert.strictEqual(await writeVerified(fs, FILE, 'mine', { expected: { text: 'theirs' } }), 'written');
    assert.strictEqual(fs.files.get(FILE), 'mine');
  });

  it('takes five round trips through a file system that can rename: write, read back, compare, rename, read back', async () => {
    const fs = new FakeFs();
    fs.files.set(FILE, 'before');
    assert.strictEqual(await writeVerified(fs, FILE, 'after', { expected: { text: 'before' } }), 'written');
    assert.deepStrictEqual(fs.log.map((l) => l.replace(/\/ws\/\.a\.alice\.ann\.yaml\.[0-9a-f]+\.tmp/g, 'TMP')), [
      'write TMP', 'read TMP', `read ${FILE}`, `rename TMP ${FILE}`, `read ${FILE}`,
    ]);
    assert.deepStrictEqual(fs.temps(), []);
  });

  it('compare-before-write: "must not exist" refuses a file that appeared meanwhile', async () => {
    const fs = new FakeFs();
    fs.files.set(FILE, 'someone else created it');
    assert.strictEqual(await writeVerified(fs, FILE, 'mine', { expected: { text: undefined } }), 'changed');
    assert.strictEqual(fs.files.get(FILE), 'someone else created it');
  });

  it('whatever the faults, the text ends up in the file or in the recovery copy (or the caller is told)', async () => {
    await fc.assert(fc.asyncProperty(fc.boolean(), fc.boolean(), fc.boolean(), fc.string(), async (canRename, renameFails, corrupt, text) => {
      const fs = new FakeFs();
      fs.canRename = canRename;
      fs.renameFails = renameFails;
      if (corrupt) fs.corrupt = (file, t) => (file === RECOVERY ? t : `${t}!`);
      try {
        await writeVerified(fs, FILE, text, { recoveryPath: RECOVERY });
        assert.strictEqual(fs.files.get(FILE), text);
      } catch (e) {
        assert.ok(e instanceof WriteNotVerifiedError);
        assert.strictEqual(fs.files.get(RECOVERY), text);
      }
      assert.deepStrictEqual(fs.temps(), []);
    }), { numRuns: 200 });
  });
});
