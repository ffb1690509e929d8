// The CLI's one option parser (src/cli/options.ts), which sift agree, assign, review and export share.
import * as assert from 'assert';
import { OptionSpec, commaList, parseOptions } from '../../src/cli/options';

interface Args {
  paths: string[];
  json: boolean;
  seen: string[];
  name?: string;
  n?: number;
}

const spec: OptionSpec<Args> = {
  flags: { '--json': (r) => { r.json = true; }, '--mark': (r, name) => { r.seen.push(name); } },
  values: {
    '--name': (r, v) => { r.name = v; },
    '--n': (r, v = '') => {
      const n = Number(v);
      if (v === '' || !Number.isInteger(n)) return '--n needs a whole number';
      r.n = n;
      return undefined;
    },
  },
};
const parse = (args: string[]) => parseOptions<Args>(args, { paths: [], json: false, seen: [] }, spec);

describe('CLI options', () => {
  it('takes flags, options with their value and paths, in any order', () => {
    assert.deepStrictEqual(parse(['a', '--json', '--name', 'x', 'b', '--mark', '--n', '3']), { paths: ['a', 'b'], json: true, seen: ['--mark'], name: 'x', n: 3 });
  });

  it('gives an option the next argument whatever it is, and undefined at the end', () => {
    assert.deepStrictEqual(parse(['--name', '--json']), { paths: [], json: false, seen: [], name: '--json' });
    const r = parse(['--name']);
    assert.ok(typeof r !== 'string' && 'name' in r && r.name === undefined);
  });

  it('stops at the first refusal: a handler\'s message, or an option it does not know', () => {
    assert.strictEqual(parse(['--n', 'x', '--bogus']), '--n needs a whole number');
    assert.strictEqual(parse(['--bogus', '--n', 'x']), 'unknown option --bogus');
    assert.strictEqual(parse(['--json=1']), 'unknown option --json=1');
    assert.strictEqual(parse(['-']), 'unknown option -');
    assert.strictEqual(parse(['--n']), '--n needs a whole number');
  });

  it('takes the names of Object\'s own properties as paths, not options', () => {
    assert.deepStrictEqual(parse(['toString', 'constructor', '__proto__']), { paths: ['toString', 'constructor', '__proto__'], json: false, seen: [] });
  });

  it('splits a comma-separated list, trimmed, without empty items', () => {
    assert.deepStrictEqual(commaList(' ana , ,bob,'), ['ana', 'bob']);
    assert.deepStrictEqual(commaList(undefined), []);
  });
});
