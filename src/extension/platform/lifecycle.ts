// Disposal in one place: a base class that owns what it registers, after vscode-pull-request-github's
// src/common/lifecycle.ts. A class that holds listeners, watchers or VS Code objects extends Disposable and passes each
// to _register; dispose() then releases them all, last registered first, once.
import * as vscode from 'vscode';

export function toDisposable(dispose: () => void): vscode.Disposable {
  return { dispose };
}

/** Disposes every item, last first, and empties the list. */
export function disposeAll(disposables: vscode.Disposable[]): void {
  while (disposables.length) disposables.pop()?.dispose();
}

/** A timer that is cleared when disposed. */
export function disposableTimeout(run: () => void, ms: number): vscode.Disposable {
  const t = setTimeout(run, ms);
  return toDisposable(() => clearTimeout(t));
}

/** Runs `run` once, `ms` after the last call to `schedule`; cancelled on dispose. */
export class Debouncer implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly ms: number, private readonly run: () => void) {}

  schedule(): void {
    this.cancel();
    this.timer = setTimeout(() => { this.timer = undefined; this.run(); }, this.ms);
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  dispose(): void {
    this.cancel();
  }
}

export abstract class Disposable implements vscode.Disposable {
  private disposables: vscode.Disposable[] = [];
  private disposed = false;

  /** Releases everything registered, last first. A second call does nothing. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    disposeAll(this.disposables);
  }

  /** Takes ownership of `value`: it is disposed with this object (at once, if this object is already disposed). */
  protected _register<T extends vscode.Disposable>(value: T): T {
    if (this.disposed) value.dispose();
    else this.disposables.push(value);
    return value;
  }

  protected get isDisposed(): boolean {
    return this.disposed;
  }
}
