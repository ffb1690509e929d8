// What the command groups are given: the extension's state and views, built once in main.ts and passed in.
import * as vscode from 'vscode';
import { ArticleSession } from '../../core/session/session';
import { AnnotatorState } from '../state/annotator';
import { WorkspaceKnowledge } from '../state/knowledge';
import { Sessions } from '../state/sessions';
import { Suggestions } from '../views/suggestions';
import { StepTracker } from './claimInput';

export interface Services {
  sessions: Sessions;
  annotator: AnnotatorState;
  knowledge: WorkspaceKnowledge;
  suggestions: Suggestions;
  /** Workspace state: the last confidence used, the suggestions switch. */
  memento: vscode.Memento;
  /** Which claim quick input is showing. */
  steps: StepTracker;
}

/** The active editor's article session, or a message saying why there is none. */
export function activeArticle(sessions: Sessions): { editor: vscode.TextEditor; session: ArticleSession } | undefined {
  const editor = vscode.window.activeTextEditor;
  const session = editor && sessions.get(editor.document);
  if (!editor || !session) {
    void vscode.window.showInformationMessage('Sift: open an article (a file matching the sift.articles setting) first.');
    return undefined;
  }
  return { editor, session };
}
