// The browser build (package.json `browser`: dist/web.js), for vscode.dev, github.dev and code-server's web-worker
// extension host. No Node there: no `fs`, no `process`, no worker_threads. Two rules, in `webGuard`:
// - `foo.web.ts` beside `foo.ts` replaces it in this build (resolveExtensions), as a package's `browser` field does:
//   a platform's own module (hashing, the sidecar codec's worker, the lock) has a web twin with the same exports.
// - `path` resolves to Sift's own POSIX helpers (src/core/text/posixPath.ts): on the web, paths are URI paths.
//   Any other Node built-in imported anywhere in the web graph FAILS THE BUILD, naming who imported it.
import { builtinModules } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const builtins = new Set(builtinModules.filter((m) => !m.startsWith('_')));

/** Whether an import names a Node built-in (`fs`, `fs/promises`, `node:crypto`, ...). */
export function isNodeBuiltin(spec) {
  return spec.startsWith('node:') || builtins.has(spec) || builtins.has(spec.split('/')[0]);
}

/** The esbuild plugin that keeps Node out of the web bundle (see above); `root` is the repository. */
export function webGuard(root) {
  return {
    name: 'sift-web-guard',
    setup(build) {
      // `sift-media:<path>`: a file of media/ bundled as text (the web worker cannot read the extension's files synchronously).
      build.onResolve({ filter: /^sift-media:/ }, (args) => ({ path: path.join(root, 'media', args.path.slice('sift-media:'.length)), namespace: 'sift-media' }));
      build.onLoad({ filter: /.*/, namespace: 'sift-media' }, async (args) => ({ contents: `export const text = ${JSON.stringify(await readFile(args.path, 'utf8'))};`, loader: 'js' }));
      // Sift's own sources must not use Node's globals either (setImmediate, Buffer, process...).
      build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        const used = nodeGlobalsIn(source);
        if (!used.length) return undefined;
        const who = path.relative(root, args.path);
        return { errors: used.map((u) => ({ text: `the web build uses the Node global '${u.name}' (${who}:${u.line}); give that module a .web.ts twin` })) };
      });
      build.onResolve({ filter: /^[a-z_:/]+$/ }, (args) => {
        if (!isNodeBuiltin(args.path)) return undefined;
        if (args.path === 'path' || args.path === 'node:path') return { path: path.join(root, 'src/core/text/posixPath.ts') };
        const who = path.relative(root, args.importer);
        return { errors: [{ text: `the web build imports the Node built-in '${args.path}' (from ${who}); give that module a .web.ts twin or reach files through the FileSystemPort` }] };
      });
    },
  };
}

/** Node's globals, absent in a web worker: code that uses one throws a ReferenceError there. */
const NODE_GLOBALS = /\b(setImmediate|clearImmediate|Buffer|__dirname|__filename)\s*[.(]|(?<![.\w$])(process|global)\s*\./g;

/**
 * The Node globals a Sift source file uses, with their lines (comments are not code). Libraries are not scanned: the
 * ones bundled (yaml, ajv) look for Buffer with `typeof` first.
 */
export function nodeGlobalsIn(source) {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/\/\/.*$/gm, '');
  return [...code.matchAll(NODE_GLOBALS)].map((m) => ({ name: m[0].replace(/[\s.(]+$/, ''), line: code.slice(0, m.index).split('\n').length }));
}

/** The options of the browser build of `entry` into `outfile` (esbuild's), with the guard. */
export function webOptions(root, entry, outfile, production) {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    resolveExtensions: ['.web.ts', '.ts', '.web.js', '.js', '.json'],
    external: ['vscode'],
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    absWorkingDir: root,
    metafile: true,
    // Node's globals are not there either: build.mjs fails when the bundle names one (nodeGlobalsIn).
    define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
    plugins: [webGuard(root)],
  };
}
