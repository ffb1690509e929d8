// Review and adjudication in the web build: three annotators' sidecars, merged and adjudicated into gold, which is
// written through vscode.workspace.fs and validated by the CLI.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { aCorpus } from '../builders/corpus';
import { WEB_ANNOTATOR, cli, rpc, sidecarOf, waitFor, web } from './host';

interface Gold {
  annotator?: string;
  entities?: { label: string; quote: string; from?: { annotator: string; id: string }[]; adjudicator?: string }[];
}

const SAMPLE = '000_f5a8d1d13f9f611e.txt';

/** Moscow agreed by all three; Damascus by ana and bob only; Xinhua by cal only. */
function threeAnnotators(name: string): void {
  const text = fs.readFileSync(path.join(web().folder, SAMPLE), 'utf8');
  aCorpus().in(web().folder).withArticle(name, text)
    .annotatedBy('ana', (l) => l.withEntity('Moscow', 'PLACE', { id: 'e-moscow' }).withEntity('Damascus', 'PLACE', { id: 'e-dam' }))
    .annotatedBy('bob', (l) => l.withEntity('Moscow', 'PLACE', { id: 'e-moscow' }).withEntity('Damascus', 'PLACE', { id: 'e-dam' }))
    .annotatedBy('cal', (l) => l.withEntity('Moscow', 'PLACE', { id: 'e-moscow' }).withEntity('Xinhua', 'ORG', { id: 'e-xin' }))
    .build();
}

function gold(name: string): Gold | undefined {
  const f = sidecarOf(name, 'gold');
  return fs.existsSync(f) ? parseYaml(fs.readFileSync(f, 'utf8')) as Gold : undefined;
}

describe('web: review and adjudication', () => {
  it('merges the agreed annotation and adjudicates a disagreement into the gold sidecar, which sift validate accepts', async () => {
    const name = 'review-web.txt';
    threeAnnotators(name);
    await rpc({ op: 'open', path: name });
    await rpc({ op: 'acceptPicks', command: 'sift.reviewArticle' }); // every annotator's layer, as offered
    await rpc({ op: 'acceptPicks', command: 'sift.mergeAgreed' }); // this article, complete agreement
    const merged = await waitFor(() => gold(name)?.entities?.length === 1 && gold(name), { message: 'gold to hold the agreed Moscow' });
    const moscow = merged.entities![0];
    assert.deepStrictEqual([moscow.label, moscow.quote], ['PLACE', 'Moscow']);
    assert.deepStrictEqual(moscow.from?.map((f) => f.annotator).sort(), ['ana', 'bob', 'cal']);

    // The first open unit after the cursor, adjudicated by accepting the version offered first.
    const unit = await rpc<{ start: number; end: number } | null>({ op: 'command', command: 'sift.nextDisagreement' });
    assert.ok(unit, 'a disagreement to go to');
    assert.strictEqual(await rpc({ op: 'acceptPicks', command: 'sift.adjudicateUnit' }), true, 'the unit was adjudicated');
    const decided = await waitFor(() => (gold(name)?.entities?.length ?? 0) === 2 && gold(name), { message: 'gold to hold the adjudicated unit' });
    const added = decided.entities!.find((e) => e.quote !== 'Moscow')!;
    assert.ok(['Damascus', 'Xinhua'].includes(added.quote), `one of the disagreements (${added.quote})`);
    assert.strictEqual(added.adjudicator, WEB_ANNOTATOR, 'gold records who adjudicated');
    const v = cli(['validate', sidecarOf(name, 'gold'), '--strict']);
    assert.strictEqual(v.status, 0, `sift validate --strict: ${v.stdout}${v.stderr}`);
  });
});
