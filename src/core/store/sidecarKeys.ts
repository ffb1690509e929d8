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
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (k === 'properties' && v && typeof v === 'object') for (const name of Object.keys(v)) into.add(name);
    allSchemaKeys(v, into);
  }
  return into;
}
