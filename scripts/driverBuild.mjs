// The merge driver's bundle (dist/mergeDriver.js, what `sift git-setup` registers): git starts it once per conflicted
// sidecar, so what it does before merging is paid on every file. Three plugins keep that small, each putting at build
// time what the sources compute at run time, so the sources stay the one definition:
// - `ajv` for sidecarFormat.ts: the sidecar schema's check as Ajv's standalone code, not compiled on every start;
// - src/core/store/yamlScalarTags.ts: the core schema's tag tests as `yaml` gives them now, as regular expressions;
// - `yaml` itself: a file of its own (dist/mergeDriverYaml.js, with its own code cache), loaded on first use only (a file
//   not in Sift's plain layout, a side that does not parse), not at start: a plain merge neither reads nor compiles it.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

/** The end (exclusive) of the JSON object or array that starts at `from` in `code`. */
function jsonEnd(code, from) {
  let depth = 0;
  for (let i = from; i < code.length; i++) {
    const c = code[i];
    if (c === '"') {
      for (i++; i < code.length && code[i] !== '"'; i++) if (code[i] === '\\') i++;
    } else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && --depth === 0) return i + 1;
  }
  throw new Error('driverBuild: unterminated JSON in Ajv\'s standalone code');
}

/** Where in `node` a value equal to `json` (as JSON) is, as property accesses after `name`; undefined if nowhere. */
function pathTo(node, json, name) {
  if (JSON.stringify(node) === json) return name;
  if (!node || typeof node !== 'object') return undefined;
  for (const [k, v] of Object.entries(node)) {
    const found = pathTo(v, json, `${name}[${JSON.stringify(k)}]`);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Ajv's standalone code, with each `const schemaN = {...}` it writes (the schema, or a part of it, as a literal) made
 * a reference to the same part of the schema object the bundle already holds (`name`): the literals built the schema
 * again, three times over, in the young generation of every merge driver process. A literal found nowhere in the
 * schema is kept as it is. test/unit/mergeDriverStart.test.ts holds the result to the code it stands for.
 */
export function schemaLiteralsAsPaths(code, schema, name) {
  let out = '';
  let at = 0;
  for (const m of code.matchAll(/const schema\d+ = (?=[{[])/g)) {
    if (m.index < at) continue;
    const start = m.index + m[0].length;
    const end = jsonEnd(code, start);
    const found = pathTo(schema, JSON.stringify(JSON.parse(code.slice(start, end))), name);
    out += code.slice(at, start) + (found ?? code.slice(start, end));
    at = end;
  }
  return out + code.slice(at);
}

/**
 * Replaces `ajv` for src/core/store/sidecarFormat.ts by a class whose `compile` returns the sidecar schema's check as
 * Ajv generates it (standalone code, the same options as sidecarFormat's), so a bundle does not compile it at start.
 * Any other schema or options throw: the build and the source have drifted apart.
 */
function precompiledSidecarSchema(root) {
  const options = { allErrors: true, strict: false };
  return {
    name: 'precompiled-sidecar-schema',
    setup(build) {
      build.onResolve({ filter: /^ajv$/ }, (args) => (args.importer.endsWith(path.join('store', 'sidecarFormat.ts')) ? { path: 'sidecar-schema', namespace: 'precompiled' } : undefined));
      build.onLoad({ filter: /.*/, namespace: 'precompiled' }, async () => {
        const { default: Ajv } = await import('ajv');
        const { default: standaloneCode } = await import('ajv/dist/standalone/index.js');
        const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas', 'sidecar.schema.json'), 'utf8'));
        const ajv = new Ajv({ ...options, code: { source: true } });
        const code = schemaLiteralsAsPaths(standaloneCode(ajv, ajv.compile(schema)), schema, 'SIDECAR_SCHEMA');
        // The schema is checked by identity: it must be the object sidecarKeys.ts imports from the file read above
        // (written out and compared as JSON, it cost the driver a 20 KB string and its time on every start).
        const contents = `const { SIDECAR_SCHEMA } = require('./src/core/store/sidecarKeys');
const check = (() => { const module = { exports: {} }; const exports = module.exports; ${code}; return module.exports; })();
const OPTIONS = ${JSON.stringify(JSON.stringify(options))};
class Ajv {
  constructor(options) { if (JSON.stringify(options) !== OPTIONS) throw new Error('precompiled sidecar schema: built for other Ajv options'); }
  compile(schema) { if (schema !== SIDECAR_SCHEMA) throw new Error('precompiled sidecar schema: built for another schema'); return check; }
}
module.exports = Ajv;
module.exports.default = Ajv;
`;
        return { contents, loader: 'js', resolveDir: root };
      });
    },
  };
}

/**
 * src/core/store/yamlScalarTags.ts as the list it computes: the module is bundled and run here, and each regular
 * expression it returns is written out by its source and flags. Anything but regular expressions fails the build.
 * (test/unit/mergeDriverStart.test.ts holds the module written here to the one it stands for.)
 */
export async function scalarTagsSource(root) {
  const file = path.join(root, 'src', 'core', 'store', 'yamlScalarTags.ts');
  const out = await esbuild.build({ entryPoints: [file], bundle: true, platform: 'node', format: 'cjs', write: false, absWorkingDir: root, logLevel: 'warning' });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(module, module.exports, createRequire(file));
  const tests = module.exports.nonStringTests();
  if (!Array.isArray(tests) || !tests.every((t) => t instanceof RegExp)) throw new Error('yamlScalarTags: nonStringTests() no longer gives regular expressions; update scripts/driverBuild.mjs');
  const list = tests.map((t) => `new RegExp(${JSON.stringify(t.source)}, ${JSON.stringify(t.flags)})`).join(', ');
  return `const tests = [${list}];\nexport function nonStringTests() { return tests; }\n`;
}

function precomputedScalarTags(root) {
  const file = path.join(root, 'src', 'core', 'store', 'yamlScalarTags.ts');
  return {
    name: 'precomputed-scalar-tags',
    setup(build) {
      build.onResolve({ filter: /[\\/]yamlScalarTags$/ }, (args) => (path.resolve(args.resolveDir, `${args.path}.ts`) === file ? { path: path.relative(root, file), namespace: 'precomputed-tags' } : undefined));
      build.onLoad({ filter: /.*/, namespace: 'precomputed-tags' }, async () => ({ contents: await scalarTagsSource(root), loader: 'js' }));
    },
  };
}

/**
 * `yaml` loaded on first use: a module with a getter for each of its exports (named here, from the package as
 * installed) that loads dist/mergeDriverYaml.js the first time one is read, through the loader the driver's start
 * puts on a registry symbol (mergeDriverStart.ts: from its code cache), else by require. Importers see the same
 * values. The getters are on the module's prototype: the bundle's interop (esbuild's __toESM) copies a module's own
 * properties, a getter and a closure each, on every start; it takes the prototype as it is.
 */
function lazyYaml(root) {
  return {
    name: 'lazy-yaml',
    setup(build) {
      build.onResolve({ filter: /^yaml$/ }, (args) => (args.namespace === 'lazy-yaml' ? undefined : { path: 'yaml', namespace: 'lazy-yaml' }));
      build.onLoad({ filter: /.*/, namespace: 'lazy-yaml' }, () => {
        const names = Object.keys(createRequire(path.join(root, 'package.json'))('yaml'));
        const contents = `let real;
const load = () => (real ??= (globalThis[Symbol.for('sift.mergeDriver.load')] ?? require)('./mergeDriverYaml.js'));
const lazy = {};
for (const name of ${JSON.stringify(names)}) Object.defineProperty(lazy, name, { enumerable: true, get: () => load()[name] });
module.exports = Object.create(lazy);
`;
        return { contents, loader: 'js', resolveDir: root };
      });
    },
  };
}

/**
 * esbuild's options for the merge driver: its code (dist/mergeDriverCore.js, minified: V8 reads less of it when the
 * code cache is refused or not yet written), `yaml` apart (dist/mergeDriverYaml.js, minified), and the small start
 * git runs (dist/mergeDriver.js, mergeDriverStart.ts).
 */
export function driverOptions(root, common) {
  // The two files the start compiles (mergeDriverStart.ts) are written as the function Node would wrap a CommonJS
  // file in: the start compiles the file's text as it is read. Joined at run time, the text was copied once more, and
  // in the young generation of a process that has only about 600 KB of it left when the driver starts.
  const wrapped = { banner: { js: '(function (exports, require, module, __filename, __dirname) {' }, footer: { js: '\n})' } };
  return [
    { ...common, ...wrapped, entryPoints: ['src/cli/mergeDriverMain.ts'], outfile: 'dist/mergeDriverCore.js', minify: true, plugins: [precompiledSidecarSchema(root), precomputedScalarTags(root), lazyYaml(root)] },
    { ...common, ...wrapped, stdin: { contents: "module.exports = require('yaml');", resolveDir: root, loader: 'js', sourcefile: 'mergeDriverYaml.js' }, outfile: 'dist/mergeDriverYaml.js', minify: true },
    { ...common, entryPoints: ['src/cli/mergeDriverStart.ts'], outfile: 'dist/mergeDriver.js', banner: { js: '#!/usr/bin/env node' } },
  ];
}
