// Undo for annotation changes made through Sift: each change records the layer as it was before.

export interface UndoEntry<K, T> {
  key: K;
  before: T;
  label: string;
  /** Entries of one group (one command that changed several articles) are undone together. */
  group?: number;
}

/** A bounded stack of snapshots, newest last. Snapshots are deep copies, so later changes cannot alter them. */
export class UndoStack<K, T> {
  private readonly entries: UndoEntry<K, T>[] = [];

  constructor(private readonly limit = 100) {}

  push(key: K, before: T, label: string, group?: number): void {
    this.entries.push({ key, before: structuredClone(before), label, ...(group !== undefined ? { group } : {}) });
    if (this.entries.length > this.limit) this.entries.shift();
  }

  pop(): UndoEntry<K, T> | undefined {
    return this.entries.pop();
  }

  /** The newest entry, left on the stack. */
  peek(): UndoEntry<K, T> | undefined {
    return this.entries[this.entries.length - 1];
  }

  get size(): number {
    return this.entries.length;
  }

  /** Forgets the entries of one key (its session was closed or replaced). */
  drop(key: K): void {
    for (let i = this.entries.length - 1; i >= 0; i--) if (this.entries[i].key === key) this.entries.splice(i, 1);
  }
}
