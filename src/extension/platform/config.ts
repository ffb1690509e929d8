// Typed access to Sift's settings (all under the `sift.` prefix).
import * as vscode from 'vscode';

export interface SiftConfig {
  /** Annotator id; empty means: a slug of git's user.name, else of the OS user name. */
  annotator: string;
  /** Glob of the files Sift treats as articles. */
  articles: string;
  /** Articles larger than this are not annotated. */
  maxArticleSizeMB: number;
  /** Quiet time before a change is written to the sidecar. */
  saveDelayMs: number;
}

export function readConfig(scope?: vscode.Uri): SiftConfig {
  const c = vscode.workspace.getConfiguration('sift', scope);
  return {
    annotator: c.get<string>('annotator', '').trim(),
    articles: c.get<string>('articles', '**/*.txt'),
    maxArticleSizeMB: Math.max(0.001, c.get<number>('maxArticleSizeMB', 20)),
    saveDelayMs: Math.max(0, c.get<number>('saveDelayMs', 300)),
  };
}

/** What an export takes from the settings, for brat's annotation.conf (the export checks the values). */
export function readExportConfig(scope?: vscode.Uri): { labels: string[]; confidenceLevels: Record<string, number> | undefined } {
  const c = vscode.workspace.getConfiguration('sift', scope);
  return { labels: c.get<string[]>('labels', []), confidenceLevels: c.get<Record<string, number>>('confidenceLevels') };
}

export function affectsSift(e: vscode.ConfigurationChangeEvent, key: keyof SiftConfig): boolean {
  return e.affectsConfiguration(`sift.${key}`);
}
