// The tests by which YAML 1.2's core schema reads a plain scalar as something else than a string (null, booleans,
// numbers), taken from `yaml` itself so the plain writer quotes exactly what `yaml` quotes. Its own module because the
// merge driver's bundle (scripts/build.mjs) puts the list there at build time, and so starts without loading `yaml`.
import { Document } from 'yaml';

let tests: RegExp[] | undefined;

/** The core schema's non-string tag tests, in `yaml`'s order. */
export function nonStringTests(): RegExp[] {
  tests ??= new Document().schema.tags.flatMap((t) => (t.default && t.tag !== 'tag:yaml.org,2002:str' && 'test' in t && t.test ? [t.test] : []));
  return tests;
}
