// Undo for annotation changes made through Sift: each change records the layer as it was before.

export interface UndoEntry<K, T> {
  key: K;
  before: T;
  label: string;
}

/** A bounded stack of snapshots, newest last. Snapshots are deep copies, so later changes cannot alter them. */
export class UndoStack<K, T> {
  private readonly entries: UndoEntry<K, T>[] = [];

  constructor(private readonly limit = 100) {}

  push(key: K, before: T, label: string): void {
    this.entries.push({ key, before: structuredClone(before), label });
    if (this.entries.length > this.limit) this.entries.shift();
  }

  pop(): UndoEntry<K, T> | undefined {
    return this.entries.pop();
  }

  get size(): number {
    return this.entries.length;
  }

  /** Forgets the entries of one key (its session was closed or replaced). */
  drop(key: K): void {
    for (let i = this.entries.length - 1; i >= 0; i--) if (this.entries[i].key === key) this.entries.splice(i, 1);
  }
}
