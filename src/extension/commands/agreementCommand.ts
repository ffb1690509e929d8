// Sift: Show Agreement (issue 13): the inter-annotator agreement report in a webview (views/agreement/).
import * as path from 'path';
import * as vscode from 'vscode';
import { Commands } from '../platform/commandIds';
import { registerCommand } from '../platform/commands';
import { WorkspaceKnowledge } from '../state/knowledge';
import { readAssets } from '../views/agreement/agreementHtml';
import { AgreementPanel } from '../views/agreement/agreementPanel';
import { workerUnitizing } from '../views/agreement/offThread';
import { ReviewState } from '../views/reviewModel';

export function createAgreement(knowledge: WorkspaceKnowledge, review: ReviewState, extensionPath: string, log?: (message: string) => void): { panel: AgreementPanel; disposables: vscode.Disposable[] } {
  // αu runs in a worker thread (dist/agreementWorker.js), so a big corpus never blocks the extension host on it.
  const unitizing = workerUnitizing(path.join(extensionPath, 'dist', 'agreementWorker.js'), (why) => log?.(`agreement: αu computed on the extension host (${why})`));
  const panel = new AgreementPanel(knowledge, review, () => readAssets(extensionPath), unitizing);
  return { panel, disposables: [panel, registerCommand(Commands.showAgreement, () => panel.show())] };
}
