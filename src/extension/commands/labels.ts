// The labels every label picker offers: PERSON, ORG, PLACE, DATE, then the workspace's own (sift.labels), then any
// others the caller knows of (labels already used in the article, for instance).
import * as vscode from 'vscode';
import { BUILTIN_LABELS } from '../../core/model';
import { setting } from '../platform/config';
import { LABEL_PATTERN } from '../platform/settings';

/** Built-in labels, then sift.labels, then `extra`; valid labels only, each once, in that order. */
export function labelChoices(extra: Iterable<string> = []): string[] {
  return [...new Set([...BUILTIN_LABELS, ...setting('labels'), ...extra])].filter((l) => LABEL_PATTERN.test(l));
}

export interface LabelPick {
  title: string;
  placeHolder?: string;
  /** Labels known besides the built-in and configured ones. */
  extra?: Iterable<string>;
  /** A label not to offer (the current one, when changing it). */
  exclude?: string;
}

/** Asks for a label among labelChoices; undefined on Escape. */
export function pickLabel(o: LabelPick): Thenable<string | undefined> {
  const labels = labelChoices(o.extra).filter((l) => l !== o.exclude);
  return vscode.window.showQuickPick(labels, { title: o.title, placeHolder: o.placeHolder ?? 'PERSON, ORG, PLACE, DATE or a workspace label (sift.labels)' });
}

export function isLabel(s: string): boolean {
  return LABEL_PATTERN.test(s);
}
