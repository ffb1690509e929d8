// scripts/driverBuild.mjs's precompiled sidecar check: Ajv's standalone code with the schema literals it writes made
// references into the schema object. The check it gives must be the check Ajv gives, error for error.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import Ajv, { ValidateFunction } from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import { SIDECAR_SCHEMA } from '../../src/core/store/sidecarKeys';
import { serializeSidecar } from '../../src/core/store/sidecarFormat';
import { readPlainYaml } from '../../src/core/store/plainYaml';
import { aLayer } from '../builders/layer';
import { A0, SAMPLES } from './helpers/tmp';
import { Script } from 'vm';

const ROOT = path.resolve(__dirname, '..', '..', '..');
type Build = { schemaLiteralsAsPaths(code: string, schema: unknown, name: string): string };
const build = async () => (await import(pathToFileURL(path.join(ROOT, 'scripts', 'driverBuild.mjs')).href)) as Build;

/** Standalone code run as a module, with `SCHEMA` in scope. */
function load(code: string): ValidateFunction {
  const module = { exports: {} as unknown };
  const body = new Script(`(function (module, exports, require, SCHEMA) {${code}\n})`).runInThisContext() as (...a: unknown[]) => void;
  body(module, module.exports, require, SIDECAR_SCHEMA);
  return module.exports as ValidateFunction;
}

type Doc = Record<string, unknown>;
/** The first item of a list in a document. */
const first = (d: Doc, list: string): Doc => (d[list] as Doc[])[0];

/** Documents valid and not: a sidecar, and edits of it the schema refuses or warns of in several places. */
function documents(): unknown[] {
  const text = fs.readFileSync(path.join(SAMPLES, A0), 'utf8');
  const layer = aLayer().forArticle(text, A0).by('ana').withEntity('Moscow', 'PLACE', { id: 'e1', note: 'x' })
    .withClaim('Damascus', { id: 'c1', source: 'The ministry', confidence: 0.5 }).build();
  const good = readPlainYaml(serializeSidecar(layer)) as Record<string, unknown>;
  const copy = () => JSON.parse(JSON.stringify(good)) as Doc;
  const edits: ((d: Doc) => void)[] = [
    () => undefined,
    (d) => { d.status = 'almost'; },
    (d) => { first(d, 'entities').label = 'lower case'; },
    (d) => { first(d, 'entities').extra = 1; d['x-mine'] = 2; },
    (d) => { delete first(d, 'entities').quote; first(d, 'claims').confidence = 7; },
    (d) => { first(d, 'claims').id = 'no spaces allowed'; d.sift = 'one'; },
    (d) => { d.entities = {}; },
  ];
  return edits.map((edit) => { const d = copy(); edit(d); return d; });
}

describe('driverBuild: the precompiled sidecar check', () => {
  it('makes every schema literal Ajv writes a reference into the schema, and checks as Ajv does', async () => {
    const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true } });
    const code = standaloneCode(ajv, ajv.compile(SIDECAR_SCHEMA));
    const written = (await build()).schemaLiteralsAsPaths(code, SIDECAR_SCHEMA, 'SCHEMA');
    assert.match(code, /const schema\d+ = \{/, 'Ajv writes the schema as literals');
    assert.doesNotMatch(written, /const schema\d+ = [{[]/);
    assert.match(written, /const schema\d+ = SCHEMA;/);
    const [before, after] = [load(code), load(written)];
    let refused = 0;
    for (const d of documents()) {
      assert.strictEqual(after(d), before(d));
      assert.deepStrictEqual(after.errors, before.errors);
      if (before.errors?.length) refused++;
    }
    assert.strictEqual(refused, documents().length - 1);
  });

  it('keeps a literal found nowhere in the schema, and reads strings with braces and escapes in them', async () => {
    const code = 'const schema1 = {"a":"}\\"{]","b":[1]};const schema2 = [1,{"b":"\\\\"}];f(schema1, schema2);';
    const written = (await build()).schemaLiteralsAsPaths(code, { k: [1, { b: '\\' }] }, 'S');
    assert.strictEqual(written, 'const schema1 = {"a":"}\\"{]","b":[1]};const schema2 = S["k"];f(schema1, schema2);');
  });
});
