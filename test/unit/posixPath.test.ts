import * as assert from 'assert';
import * as path from 'path';
import fc from 'fast-check';
import * as posixPath from '../../src/core/text/posixPath';

// Paths built from the pieces that matter: separators, '.', '..', names with dots, empty pieces.
const piece = fc.constantFrom('', '.', '..', 'a', 'b.txt', '.hidden', 'x.ann.yaml', 'dir', 'é😀', '...');
const aPath = fc.tuple(fc.boolean(), fc.array(piece, { maxLength: 6 }), fc.boolean()).map(([abs, parts, trailing]) => `${abs ? '/' : ''}${parts.join('/')}${trailing ? '/' : ''}`);

describe('posixPath: the browser build\'s `path` behaves as Node\'s path.posix', () => {
  const same = <A extends unknown[]>(name: string, f: (...a: A) => unknown, g: (...a: A) => unknown, arb: fc.Arbitrary<A>) => {
    it(`${name} equals path.posix.${name}`, () => {
      fc.assert(fc.property(arb, (args) => assert.deepStrictEqual(f(...args), g(...args), JSON.stringify(args))), { numRuns: 500 });
    });
  };
  same('normalize', (p: string) => posixPath.normalize(p), (p: string) => path.posix.normalize(p), fc.tuple(aPath));
  same('join', (...p: string[]) => posixPath.join(...p), (...p: string[]) => path.posix.join(...p), fc.array(aPath, { maxLength: 4 }));
  same('dirname', (p: string) => posixPath.dirname(p), (p: string) => path.posix.dirname(p), fc.tuple(aPath));
  same('basename', (p: string) => posixPath.basename(p), (p: string) => path.posix.basename(p), fc.tuple(aPath));
  same('basename with an extension', (p: string, e: string) => posixPath.basename(p, e), (p: string, e: string) => path.posix.basename(p, e), fc.tuple(aPath, fc.constantFrom('.txt', '.yaml', 'a', '')));
  same('extname', (p: string) => posixPath.extname(p), (p: string) => path.posix.extname(p), fc.tuple(aPath));
  same('isAbsolute', (p: string) => posixPath.isAbsolute(p), (p: string) => path.posix.isAbsolute(p), fc.tuple(aPath));
  // A web worker has no working folder: '/' stands for it, so only absolute starting points are compared.
  const absolute = aPath.map((p) => `/${p}`);
  same('resolve', (...p: string[]) => posixPath.resolve(...p), (...p: string[]) => path.posix.resolve(...p), fc.tuple(absolute, aPath, aPath));
  same('relative', (a: string, b: string) => posixPath.relative(a, b), (a: string, b: string) => path.posix.relative(a, b), fc.tuple(absolute, absolute));

  it('resolves a relative path against the root, where Node would use the working folder', () => {
    assert.strictEqual(posixPath.resolve('a/b', '../c'), '/a/c');
    assert.strictEqual(posixPath.sep, '/');
  });
});
