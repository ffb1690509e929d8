// Commands that make and remove annotations by hand: label the selection, delete at the cursor, open the sidecar.
import * as vscode from 'vscode';
import { BUILTIN_LABELS, EntityAnnotation, kindOf } from '../../core/model';
import { ArticleSession } from '../../core/session/session';
import { positionToCp, rangeToSpan } from '../platform/positions';
import { Sessions } from '../state/sessions';

const LABEL_RE = /^[A-Z][A-Z0-9_]*$/;

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

async function pickLabel(session: ArticleSession): Promise<string | undefined> {
  const configured = vscode.workspace.getConfiguration('sift').get<string[]>('labels', []);
  const used = session.layer.entities.map((e) => e.label);
  const labels = [...new Set([...BUILTIN_LABELS, ...configured, ...used])].filter((l) => LABEL_RE.test(l));
  const pick = await vscode.window.showQuickPick(labels, { title: 'Sift: label the selection', placeHolder: 'PERSON, ORG, PLACE, DATE or a workspace label' });
  return pick;
}

export function registerEntityCommands(sessions: Sessions): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('sift.labelSelection', async (label?: string): Promise<EntityAnnotation | undefined> => {
      const t = activeArticle(sessions);
      if (!t) return undefined;
      const { editor, session } = t;
      if (editor.selection.isEmpty) {
        void vscode.window.showInformationMessage('Sift: select the text to label first.');
        return undefined;
      }
      const chosen = label ?? await pickLabel(session);
      if (!chosen) return undefined;
      if (!LABEL_RE.test(chosen)) {
        void vscode.window.showErrorMessage(`Sift: '${chosen}' is not a label (use capitals, digits and _, starting with a letter).`);
        return undefined;
      }
      const span = rangeToSpan(editor.document, editor.selection);
      return sessions.mutate(session, () => session.addEntity({ ...span, label: chosen }));
    }),

    vscode.commands.registerCommand('sift.deleteAnnotation', async (id?: string): Promise<boolean> => {
      const t = activeArticle(sessions);
      if (!t) return false;
      const { editor, session } = t;
      const cp = positionToCp(editor.document, editor.selection.active);
      const here = id ? session.all().filter((a) => a.id === id) : session.all().filter((a) => !a.orphaned && a.start <= cp && cp <= a.end);
      let target = here[0];
      if (here.length > 1) {
        const pick = await vscode.window.showQuickPick(here.map((a) => ({ label: a.quote, description: kindOf(a) === 'claim' ? 'claim' : (a as EntityAnnotation).label, id: a.id })), { title: 'Sift: delete which annotation?' });
        target = here.find((a) => a.id === pick?.id)!;
      }
      if (!target) {
        if (!id) void vscode.window.showInformationMessage('Sift: no annotation at the cursor.');
        return false;
      }
      sessions.mutate(session, () => session.remove(target.id));
      return true;
    }),

    vscode.commands.registerCommand('sift.relabelAnnotation', async (id?: string, label?: string) => {
      const t = activeArticle(sessions);
      if (!t) return undefined;
      const cp = positionToCp(t.editor.document, t.editor.selection.active);
      const target = id ? t.session.layer.entities.find((e) => e.id === id) : t.session.layer.entities.find((e) => !e.orphaned && e.start <= cp && cp <= e.end);
      if (!target) return undefined;
      const chosen = label ?? await pickLabel(t.session);
      if (!chosen || chosen === target.label) return undefined;
      return sessions.mutate(t.session, () => t.session.update(target.id, { label: chosen, value: chosen === 'DATE' ? target.value : undefined }));
    }),

    vscode.commands.registerCommand('sift.openSidecar', async () => {
      const t = activeArticle(sessions);
      if (!t) return;
      t.session.sidecar.flush();
      const uri = vscode.Uri.file(t.session.sidecar.path);
      try {
        await vscode.workspace.fs.stat(uri);
      } catch {
        void vscode.window.showInformationMessage(`Sift: no annotations yet for ${vscode.workspace.asRelativePath(t.editor.document.uri)} as ${t.session.annotator}.`);
        return;
      }
      await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    }),
  ];
}
