import * as assert from 'assert';
import { defaultAnnotator, isValidAnnotator, slugify, userNameFromGitConfig } from '../../src/core/store/annotator';
import { parseSidecarName, recoveryPathFor, sidecarPathFor } from '../../src/core/store/paths';

describe('annotator ids and file names', () => {
  it('slugs names', () => {
    assert.strictEqual(slugify('Ada Lovelace'), 'ada-lovelace');
    assert.strictEqual(slugify('  Zoë  O\'Brien '), 'zoe-o-brien');
    assert.strictEqual(slugify('___'), '');
    assert.strictEqual(slugify('x'.repeat(80)).length, 40);
  });

  it('reads user.name from git config text, without running git', () => {
    assert.strictEqual(userNameFromGitConfig('[core]\n\tname = no\n[user]\n\tname = Ada Lovelace\n\temail = a@b\n'), 'Ada Lovelace');
    assert.strictEqual(userNameFromGitConfig('[user]\nname = "Zoë K" # me\n[user]\n'), 'Zoë K');
    assert.strictEqual(userNameFromGitConfig('[remote "origin"]\nname = x\n'), undefined);
  });

  it('reserves gold for the adjudicated layer', () => {
    assert.ok(!isValidAnnotator('gold'));
    assert.ok(isValidAnnotator('analyst1'));
    assert.notStrictEqual(defaultAnnotator('gold'), 'gold');
    assert.strictEqual(defaultAnnotator('Analyst One'), 'analyst-one');
  });

  it('names sidecars <stem>.<annotator>.ann.yaml next to the article', () => {
    const p = sidecarPathFor('/c/000_f5a8d1d13f9f611e.txt', 'analyst1');
    assert.strictEqual(p, '/c/000_f5a8d1d13f9f611e.analyst1.ann.yaml');
    assert.deepStrictEqual(parseSidecarName(p), { stem: '000_f5a8d1d13f9f611e', annotator: 'analyst1' });
    assert.strictEqual(recoveryPathFor(p), '/c/000_f5a8d1d13f9f611e.analyst1.ann.recovery.yaml');
    assert.strictEqual(parseSidecarName('/c/x.txt'), undefined);
  });
});
