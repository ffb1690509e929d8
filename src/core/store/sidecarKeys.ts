// The sidecar's keys, read from its JSON Schema (schemas/sidecar.schema.json), the one place the format is written
// down: the writer's key lists and their order, and the plain reader's table of known keys, all come from there.
import schema from '../../../schemas/sidecar.schema.json';

export const SIDECAR_SCHEMA = schema;

/** Top-level keys, in the order they are written. */
export const HEADER_KEYS: readonly string[] = Object.keys(schema.properties);
/** An entity's keys, in the order they are written. */
export const ENTITY_KEYS: readonly string[] = Object.keys(schema.definitions.entity.properties);
/** A claim's keys, in the order they are written. */
export const CLAIM_KEYS: readonly string[] = Object.keys(schema.definitions.claim.properties);
/** A rejected suggestion's keys, in the order they are written. */
export const REJECTION_KEYS: readonly string[] = Object.keys(schema.properties.rejected.items.properties);

/** A gold review decision's keys (`dismissed`), in the order they are written. */
export const DISMISSAL_KEYS: readonly string[] = Object.keys(schema.definitions.dismissal.properties);
/** A discussion comment's keys, in the order they are written. */
export const COMMENT_KEYS: readonly string[] = Object.keys(schema.definitions.comment.properties);

/** Every key the schema names anywhere (under any `properties`): what the plain reader interns. */
export function allSchemaKeys(node: unknown = schema, into = new Set<string>()): Set<string> {
  if (!node || typeof node !== 'object') return into;
  // Keys and indexed loops, not Object.entries and for-of: the merge driver runs this once per process, cold, where
  // each entry and iterator step is an allocation (about 140 KB of the young generation for the whole schema).
  const r = node as Record<string, unknown>;
  const keys = Object.keys(r);
  for (let i = 0; i < keys.length; i++) {
    const v = r[keys[i]];
    if (keys[i] === 'properties' && v && typeof v === 'object') {
      const names = Object.keys(v);
      for (let j = 0; j < names.length; j++) into.add(names[j]);
    }
    allSchemaKeys(v, into);
  }
  return into;
}
