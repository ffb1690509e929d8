// The team simulation's record of what every clone did (bench/gitTeam.ts), and the check that the final tree lost
// nothing: every annotation a clone created and did not delete is there with its last value, nothing deleted came back,
// and no annotation appeared that nobody made. Kept apart from git so a test can feed it a damaged tree.

/** The fields the simulation edits; a field's value is a string, or undefined when absent. */
export type Field = 'label' | 'note';
export const FIELDS: readonly Field[] = ['label', 'note'];

/** What one annotation should be: alive or deleted, and each field's acceptable values (two after a deliberate conflict). */
export interface Expected {
  alive: boolean;
  fields: Record<Field, (string | undefined)[]>;
}

/** One annotation as found in a tree: its fields' values. */
export type Found = Record<Field, string | undefined>;

/** file -> id -> what it should be. */
export class TeamModel {
  readonly files = new Map<string, Map<string, Expected>>();

  private of(file: string): Map<string, Expected> {
    let m = this.files.get(file);
    if (!m) this.files.set(file, (m = new Map<string, Expected>()));
    return m;
  }

  /** An annotation created (at the start, or added by a clone). */
  created(file: string, id: string, found: Found): void {
    if (this.of(file).has(id)) throw new Error(`${file}: ${id} created twice`);
    this.of(file).set(id, { alive: true, fields: { label: [found.label], note: [found.note] } });
  }

  get(file: string, id: string): Expected | undefined {
    return this.files.get(file)?.get(id);
  }

  /** Whether a clone that sees `found` has seen the last value of every field (so its edit or deletion follows it). */
  upToDate(file: string, id: string, found: Found): boolean {
    const e = this.get(file, id);
    return !!e && e.alive && FIELDS.every((f) => e.fields[f].length === 1 && e.fields[f][0] === found[f]);
  }

  set(file: string, id: string, field: Field, value: string | undefined): void {
    const e = this.get(file, id);
    if (!e || !e.alive) throw new Error(`${file}: ${id} is not alive`);
    e.fields[field] = [value];
  }

  /** Two clones set the same field differently in one round: either value may stand after the person resolves it. */
  conflicted(file: string, id: string, field: Field, values: (string | undefined)[]): void {
    const e = this.get(file, id);
    if (!e || !e.alive) throw new Error(`${file}: ${id} is not alive`);
    e.fields[field] = [...new Set(values)];
  }

  deleted(file: string, id: string): void {
    const e = this.get(file, id);
    if (!e || !e.alive) throw new Error(`${file}: ${id} is not alive`);
    e.alive = false;
  }

  /** How many annotations were created, and how many of them are alive. */
  counts(): { created: number; alive: number } {
    let created = 0;
    let alive = 0;
    for (const m of this.files.values()) for (const e of m.values()) { created++; if (e.alive) alive++; }
    return { created, alive };
  }
}

/** A final tree: file -> id -> the annotation's fields; a file that is missing or does not parse maps to a reason. */
export type Tree = Map<string, Map<string, Found> | string>;

const show = (v: string | undefined) => (v === undefined ? '(absent)' : JSON.stringify(v));

/** Every way the tree differs from the record; empty when nothing was lost, changed, brought back or made up. */
export function checkNothingLost(model: TeamModel, tree: Tree): string[] {
  const problems: string[] = [];
  for (const [file, expected] of model.files) {
    const found = tree.get(file);
    if (found === undefined || typeof found === 'string') {
      if ([...expected.values()].some((e) => e.alive)) problems.push(`${file}: ${found ?? 'missing from the final tree'}`);
      continue;
    }
    for (const [id, e] of expected) {
      const f = found.get(id);
      if (e.alive && !f) problems.push(`${file}: ${id} was lost`);
      else if (!e.alive && f) problems.push(`${file}: ${id} was deleted and came back`);
      else if (e.alive && f) {
        for (const field of FIELDS) {
          if (!e.fields[field].includes(f[field])) problems.push(`${file}: ${id} ${field} is ${show(f[field])}, expected ${e.fields[field].map(show).join(' or ')}`);
        }
      }
    }
    for (const id of found.keys()) if (!expected.has(id)) problems.push(`${file}: ${id} was never made by anyone`);
  }
  for (const file of tree.keys()) if (!model.files.has(file)) problems.push(`${file}: a sidecar nobody wrote`);
  return problems;
}
