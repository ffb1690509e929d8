// The one place that makes DiagnosticCollections and turns core Problems into Diagnostics (Problems view).
import * as vscode from 'vscode';
import { Problem } from '../../core/store/problems';

/** Sift's collections: sidecars that cannot be parsed, orphaned annotations, and gazetteer errors. */
export type DiagnosticsKind = 'sidecar' | 'orphans' | 'gazetteer';

/** Every diagnostic Sift shows carries this source. */
export const DIAGNOSTIC_SOURCE = 'sift';

export function createDiagnostics(kind: DiagnosticsKind): vscode.DiagnosticCollection {
  return vscode.languages.createDiagnosticCollection(`sift-${kind}`);
}

/** Where a diagnostic goes when the problem's own line and column are not the place to show it. */
export interface DiagnosticPlace {
  /** Shown here instead of at the problem's line and column (for instance on the article, not the sidecar). */
  range?: vscode.Range;
  /** The code links to this file (for instance the sidecar that holds the annotation). */
  target?: vscode.Uri;
}

/** A core Problem as a Diagnostic: at its 1-based line and column (one character wide), or at `place.range`. */
export function toDiagnostic(p: Problem, place: DiagnosticPlace = {}): vscode.Diagnostic {
  const line = Math.max(0, p.line - 1);
  const col = Math.max(0, p.col - 1);
  const range = place.range ?? new vscode.Range(line, col, line, col + 1);
  const d = new vscode.Diagnostic(range, p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = place.target ? { value: p.code, target: place.target } : p.code;
  return d;
}

/** The code of a diagnostic, whether given plain or with a target. */
export function diagnosticCode(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}
