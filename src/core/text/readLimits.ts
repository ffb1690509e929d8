// The read limits and refusals every reader shares, on Node (safeRead.ts) and through vscode.workspace.fs on the web
// (src/extension/platform/vscodeFileSystem.ts); no file access here.

/**
 * The one size limit for a sidecar, for every reader (the editor's open, the corpus index, validate, export, detect):
 * a bigger file is refused, never more than this and one byte of it is read, and the editor never writes over it.
 * Parsing and rewriting tens of MB would block the editor for seconds, and Sift never writes a sidecar this big.
 */
export const MAX_SIDECAR_BYTES = 5 * 1024 * 1024;

export type ReadProblem = 'missing' | 'not-a-file' | 'too-large' | 'unreadable';

export class ReadRefusal extends Error {
  constructor(readonly file: string, readonly problem: ReadProblem, readonly detail: string) {
    super(`${file}: ${detail}`);
    this.name = 'ReadRefusal';
  }
}
