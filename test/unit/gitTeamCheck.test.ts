// The team simulation's "nothing lost" check (bench/gitTeamModel.ts, npm run bench) is not vacuous: on a real corpus
// in a git work tree it passes as written, and it reports one annotation removed, a changed value, a deletion that
// came back, an annotation nobody made, a missing sidecar and a conflict left in a file.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseSidecar, serializeSidecar } from '../../src/core/store/sidecarFormat';
import { writeCorpus } from '../../bench/gitTeamCorpus';
import { TeamModel, checkNothingLost } from '../../bench/gitTeamModel';
import { readTree } from '../../bench/gitTeam';
import { A0, SAMPLES } from './helpers/tmp';
import { aRepo, commitAll } from './helpers/git';

const SAMPLE = fs.readFileSync(path.join(SAMPLES, A0), 'utf8');

/** A committed corpus of 3 articles × 2 annotators, and the model that records it. */
function corpus(): { repo: string; model: TeamModel; files: string[] } {
  const repo = aRepo({ 'README.txt': 'corpus\n' });
  const model = new TeamModel();
  const c = writeCorpus(repo, [SAMPLE], 3, ['ana', 'bob', 'cy'], 2, model);
  commitAll(repo, 'corpus');
  return { repo, model, files: [...c.owned.values()].flat().sort() };
}

/** Rewrites a sidecar as Sift does, after `f` changed its layer. */
function edit(repo: string, file: string, f: (l: ReturnType<typeof parseSidecar>['layer']) => void): void {
  const p = parseSidecar(fs.readFileSync(path.join(repo, file), 'utf8'), file);
  f(p.layer);
  fs.writeFileSync(path.join(repo, file), serializeSidecar(p.layer, p.doc));
}

describe('team simulation: the nothing-lost check', function () {
  this.timeout(90_000); // real git processes: a limit, not a speed target

  it('passes on the tree as written, and reports exactly the one annotation removed', () => {
    const { repo, model, files } = corpus();
    assert.strictEqual(files.length, 6);
    assert.deepStrictEqual(checkNothingLost(model, readTree(repo)), []);
    assert.strictEqual(model.counts().alive, 36, 'every annotation of the tree is checked');
    edit(repo, files[2], (l) => { l.entities = l.entities.filter((e) => e.id !== 'e-3'); });
    assert.deepStrictEqual(checkNothingLost(model, readTree(repo)), [`${files[2]}: e-3 was lost`]);
  });

  it('reports a changed value, a deletion that came back and an annotation nobody made', () => {
    const { repo, model, files } = corpus();
    const before = model.get(files[0], 'e-1')!.fields.label[0]!;
    model.set(files[0], 'e-1', 'label', before === 'ORG' ? 'PERSON' : 'ORG');
    model.deleted(files[1], 'e-2');
    edit(repo, files[3], (l) => { l.entities.push({ ...l.entities[0], id: 'e-1-mine' }); });
    assert.deepStrictEqual(checkNothingLost(model, readTree(repo)).sort(), [
      `${files[0]}: e-1 label is ${JSON.stringify(before)}, expected ${JSON.stringify(before === 'ORG' ? 'PERSON' : 'ORG')}`,
      `${files[1]}: e-2 was deleted and came back`,
      `${files[3]}: e-1-mine was never made by anyone`,
    ].sort());
  });

  it('accepts either value of a conflict a person resolved, and reports a sidecar lost or left with conflicts', () => {
    const { repo, model, files } = corpus();
    const label = model.get(files[0], 'e-1')!.fields.label[0];
    model.conflicted(files[0], 'e-1', 'label', ['DATE', label]);
    fs.rmSync(path.join(repo, files[4]));
    commitAll(repo, 'a sidecar deleted');
    fs.appendFileSync(path.join(repo, files[5]), 'x-sift-conflicts:\n  - in: header\n    field: published\n    kind: both-changed\n    ours: "2024-12-16"\n    theirs: "2024-12-15"\n');
    assert.deepStrictEqual(checkNothingLost(model, readTree(repo)).sort(), [`${files[4]}: missing from the final tree`, `${files[5]}: x-sift-conflicts left in the file`].sort());
  });
});
