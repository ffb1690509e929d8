// The schema check of a merge's documents, each annotation checked once: the three sides and the result of a merge
// share most of their annotations (ItemMemo), and the schema checks a list's items each on its own, so an item found
// valid in one document is valid in the next. Only the merge passes a memo; every other read checks the whole document.
import type { ErrorObject } from 'ajv';
import { ItemMemo } from './plainYaml';

/** The sidecar's lists, whose items the schema checks each on its own (`items` only: schemaMemo.test.ts holds it to that). */
export const ITEM_LISTS = ['entities', 'claims', 'rejected', 'dismissed', 'discussion'] as const;

type Check = (data: unknown) => { errors: ErrorObject[]; unknownKeys: ErrorObject[] };

/**
 * Whether `check` (the schema's) finds no error and no unknown key in `data`. With a merge's memo, the lists' items
 * found valid before are left out of the check, and the items of a document found clean are added to it.
 */
export function cleanBySchema(data: Record<string, unknown>, check: Check, memo?: ItemMemo): boolean {
  if (!memo) {
    const { errors, unknownKeys } = check(data);
    return errors.length === 0 && unknownKeys.length === 0;
  }
  const rest: Record<string, unknown> = { ...data };
  const fresh: [Set<object>, object][] = [];
  // Indexed loops: the merge driver runs this cold, where for-of allocates an iterator.
  for (let k = 0; k < ITEM_LISTS.length; k++) {
    const list = data[ITEM_LISTS[k]];
    if (!Array.isArray(list)) continue;
    let valid = memo.valid.get(ITEM_LISTS[k]);
    if (!valid) memo.valid.set(ITEM_LISTS[k], (valid = new Set()));
    const left: unknown[] = [];
    for (let i = 0; i < list.length; i++) {
      const item: unknown = list[i];
      if (typeof item === 'object' && item !== null && valid.has(item)) continue;
      left.push(item);
      if (typeof item === 'object' && item !== null) fresh.push([valid, item]);
    }
    rest[ITEM_LISTS[k]] = left;
  }
  const { errors, unknownKeys } = check(rest);
  if (errors.length || unknownKeys.length) return false;
  for (let i = 0; i < fresh.length; i++) fresh[i][0].add(fresh[i][1]);
  return true;
}
