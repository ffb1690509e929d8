// Commands that make and remove annotations by hand: label the selection, change a label, delete at the cursor, open
// the sidecar.
import * as vscode from 'vscode';
import { EntityAnnotation, kindOf } from '../../core/model';
import { Commands } from '../platform/commandIds';
import { registerCommand } from '../platform/commands';
import { positionToCp, rangeToSpan } from '../platform/positions';
import { Sessions } from '../state/sessions';
import { isLabel, pickLabel } from './labels';
import { activeArticle } from './services';
import { uriOfPath } from '../platform/articleUri';

function labelSelection(sessions: Sessions): vscode.Disposable {
  return registerCommand(Commands.labelSelection, async (label?: string): Promise<EntityAnnotation | undefined> => {
    const t = activeArticle(sessions);
    if (!t) return undefined;
    const { editor, session } = t;
    if (editor.selection.isEmpty) {
      void vscode.window.showInformationMessage('Sift: select the text to label first.');
      return undefined;
    }
    const chosen = label ?? await pickLabel({ title: 'Sift: label the selection', extra: session.layer.entities.map((e) => e.label) });
    if (!chosen) return undefined;
    if (!isLabel(chosen)) {
      void vscode.window.showErrorMessage(`Sift: '${chosen}' is not a label (use capitals, digits and _, starting with a letter).`);
      return undefined;
    }
    const span = rangeToSpan(editor.document, editor.selection);
    return sessions.mutate(session, () => session.addEntity({ ...span, label: chosen }));
  });
}

function deleteAnnotation(sessions: Sessions): vscode.Disposable {
  return registerCommand(Commands.deleteAnnotation, async (id?: string): Promise<boolean> => {
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
  });
}

function relabelAnnotation(sessions: Sessions): vscode.Disposable {
  return registerCommand(Commands.relabelAnnotation, async (id?: string, label?: string) => {
    const t = activeArticle(sessions);
    if (!t) return undefined;
    const cp = positionToCp(t.editor.document, t.editor.selection.active);
    const target = id ? t.session.layer.entities.find((e) => e.id === id) : t.session.layer.entities.find((e) => !e.orphaned && e.start <= cp && cp <= e.end);
    if (!target) return undefined;
    const chosen = label ?? await pickLabel({ title: 'Sift: change the label to…', exclude: target.label, extra: t.session.layer.entities.map((e) => e.label) });
    if (!chosen || chosen === target.label) return undefined;
    return sessions.mutate(t.session, () => t.session.update(target.id, { label: chosen, value: chosen === 'DATE' ? target.value : undefined }));
  });
}

function openSidecar(sessions: Sessions): vscode.Disposable {
  return registerCommand(Commands.openSidecar, async () => {
    const t = activeArticle(sessions);
    if (!t) return;
    t.session.sidecar.flush();
    const uri = uriOfPath(t.session.sidecar.path);
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      void vscode.window.showInformationMessage(`Sift: no annotations yet for ${vscode.workspace.asRelativePath(t.editor.document.uri)} as ${t.session.annotator}.`);
      return;
    }
    await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  });
}

export function registerEntityCommands(sessions: Sessions): vscode.Disposable[] {
  return [labelSelection(sessions), deleteAnnotation(sessions), relabelAnnotation(sessions), openSidecar(sessions)];
}
