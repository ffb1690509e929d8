// The Sift view's commands (filter, clear, reveal, edit, delete) and Next/Previous Annotation in the active article.
import * as vscode from 'vscode';
import { Annotation, kindOf } from '../../core/model';
import { openByPath } from '../platform/articleUri';
import { Commands } from '../platform/commandIds';
import { executeCommand, registerCommand } from '../platform/commands';
import { positionToCp, selectSpan } from '../platform/positions';
import { Sessions } from '../state/sessions';
import { AnnotationTree, Filter, TreeNode } from '../views/annotationTree';
import { labelChoices } from './labels';

async function reveal(file: string, id: string, sessions: Sessions): Promise<void> {
  const doc = await openByPath(file);
  const editor = await vscode.window.showTextDocument(doc);
  // A just-opened article's layer may still be loading (always in the browser): wait for it.
  const a = (await sessions.whenLayer(doc))?.find(id);
  if (a) selectSpan(editor, a.start, a.end);
}

/** Moves the cursor to the next (or previous) annotation start in the active article. */
function step(sessions: Sessions, dir: 1 | -1): Annotation | undefined {
  const editor = vscode.window.activeTextEditor;
  const session = editor && sessions.get(editor.document);
  if (!editor || !session) return undefined;
  // From the start of the selection: after a jump the annotation itself is selected.
  const cp = positionToCp(editor.document, editor.selection.start);
  const list = session.all().filter((a) => !a.orphaned);
  const next = dir === 1 ? list.find((a) => a.start > cp) ?? list[0] : [...list].reverse().find((a) => a.start < cp) ?? list[list.length - 1];
  if (next) selectSpan(editor, next.start, next.end);
  return next;
}

/** Asks what to filter by, and by what value; undefined when cancelled. */
async function askFilter(current: Filter, sessions: Sessions): Promise<Filter | undefined> {
  const kind = await vscode.window.showQuickPick(['Label', 'Source', 'Minimum confidence', 'Clear filter'], { title: 'Sift: filter the annotations view by…' });
  if (kind === 'Clear filter') return {};
  if (kind === 'Label') {
    const used = sessions.all().flatMap((s) => s.layer.entities.map((e) => e.label));
    const l = await vscode.window.showQuickPick(['CLAIM', ...labelChoices(used)], { title: 'Sift: show only' });
    return l ? { ...current, label: l } : undefined;
  }
  if (kind === 'Source') {
    const s = await vscode.window.showInputBox({ title: 'Sift: claims by source', placeHolder: 'Russian Foreign Ministry' });
    return s ? { ...current, source: s } : undefined;
  }
  if (kind === 'Minimum confidence') {
    const c = await vscode.window.showInputBox({ title: 'Sift: claims with confidence at least', validateInput: (v) => (Number(v) >= 0 && Number(v) <= 1 ? undefined : 'A number from 0 to 1') });
    return c ? { ...current, minConfidence: Number(c) } : undefined;
  }
  return undefined;
}

/** Edit or delete from the view's context menu: reveal the annotation, then run the editor command on it. */
async function actOn(node: TreeNode | undefined, what: 'edit' | 'delete', sessions: Sessions): Promise<void> {
  if (node?.kind !== 'annotation') return;
  await reveal(node.file, node.a.id, sessions);
  if (what === 'delete') await executeCommand(Commands.deleteAnnotation, node.a.id);
  else if (kindOf(node.a) === 'claim') await executeCommand(Commands.editClaim, node.a.id);
  else await executeCommand(Commands.relabelAnnotation, node.a.id);
}

export function registerTreeCommands(tree: AnnotationTree, sessions: Sessions): vscode.Disposable[] {
  return [
    registerCommand(Commands.filterTree, async () => {
      const f = await askFilter(tree.filter, sessions);
      if (f) tree.setFilter(f);
    }),
    registerCommand(Commands.clearTreeFilter, () => tree.setFilter({})),
    registerCommand(Commands.revealAnnotation, (file: string, id: string) => reveal(file, id, sessions)),
    registerCommand(Commands.editFromTree, (n?: TreeNode) => actOn(n, 'edit', sessions)),
    registerCommand(Commands.deleteFromTree, (n?: TreeNode) => actOn(n, 'delete', sessions)),
    registerCommand(Commands.nextAnnotation, () => step(sessions, 1)),
    registerCommand(Commands.previousAnnotation, () => step(sessions, -1)),
  ];
}
