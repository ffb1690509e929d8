// Problems found in sidecars and articles, reported as file:line:col by the CLI and as diagnostics by the extension.

export type Severity = 'error' | 'warning';

export interface Problem {
  file: string;
  /** 1-based; 0 when the problem concerns the whole file. */
  line: number;
  col: number;
  severity: Severity;
  /** A stable code, e.g. 'yaml-syntax', 'schema', 'duplicate-id', 'orphaned'. */
  code: string;
  message: string;
  /** The annotation concerned, if any. */
  id?: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col} ${p.severity} ${p.code}: ${p.message}`;
}

/** Thrown when a sidecar cannot be read safely; it carries every problem found. Such a file is never written over. */
export class SidecarError extends Error {
  constructor(readonly file: string, readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'SidecarError';
  }
}
