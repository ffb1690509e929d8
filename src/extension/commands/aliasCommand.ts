// Sift: Add Selection as Alias of an Entity… — writes the selection into the workspace gazetteer as another name of a
// canonical entity (a new one, or one the gazetteer already lists).
import * as path from 'path';
import * as vscode from 'vscode';
import { addAlias, parseGazetteer } from '../../core/detect/gazetteer';
import { writeFileAtomic } from '../../core/store/atomicWrite';
import { Commands } from '../platform/commandIds';
import { registerCommand } from '../platform/commands';
import { WorkspaceKnowledge } from '../state/knowledge';
import { pickLabel } from './labels';
import { messageText } from '../platform/markdown';

const HEADER = '# Sift gazetteer: canonical names, labels and their other spellings. Schema: schemas/gazetteer.schema.json\n';

/** The entity the alias names: picked from the gazetteer, or a new one named by the alias, with its label. */
async function pickEntity(knowledge: WorkspaceKnowledge, alias: string): Promise<{ name: string; label: string } | undefined> {
  await knowledge.ready();
  const items = [
    { label: `$(add) New entity "${alias}"`, name: alias },
    ...knowledge.gazetteer.map((e) => ({ label: e.name, description: e.label, name: e.name })),
  ];
  const pick = await vscode.window.showQuickPick(items, { title: `Sift: "${alias}" is another name for…`, matchOnDescription: true });
  if (!pick) return undefined;
  const label = knowledge.gazetteer.find((e) => e.name === pick.name)?.label ?? await pickLabel({ title: `Sift: label of ${pick.name}` });
  return label ? { name: pick.name, label } : undefined;
}

async function readGazetteer(uri: vscode.Uri): Promise<string> {
  try {
    return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return ''; // a new file
  }
}

async function addAliasFromSelection(knowledge: WorkspaceKnowledge): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const uri = knowledge.gazetteerUri;
  const alias = editor?.document.getText(editor.selection).trim().replace(/\s+/g, ' ');
  if (!editor || !uri || !alias) {
    void vscode.window.showInformationMessage('Sift: select the name to add as an alias first.');
    return;
  }
  const entity = await pickEntity(knowledge, alias);
  if (!entity) return;
  const source = await readGazetteer(uri);
  if (source && parseGazetteer(source, uri.fsPath).problems.length) {
    void vscode.window.showErrorMessage(`Sift: ${path.basename(uri.fsPath)} has errors; fix them before adding aliases (it is not written over).`);
    return;
  }
  writeFileAtomic(uri.fsPath, (source ? '' : HEADER) + addAlias(source, entity.name, entity.label, alias));
  await knowledge.refresh();
  void vscode.window.showInformationMessage(messageText(`Sift: "${alias}" is now an alias of ${entity.name} (${entity.label}).`));
}

export function registerAliasCommand(knowledge: WorkspaceKnowledge): vscode.Disposable {
  return registerCommand(Commands.addAlias, () => addAliasFromSelection(knowledge));
}
