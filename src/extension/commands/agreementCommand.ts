// Sift: Show Agreement (issue 13): the inter-annotator agreement report in a webview (views/agreement/).
import * as vscode from 'vscode';
import { Commands } from '../platform/commandIds';
import { registerCommand } from '../platform/commands';
import { WorkspaceKnowledge } from '../state/knowledge';
import { readAssets } from '../views/agreement/agreementHtml';
import { AgreementPanel } from '../views/agreement/agreementPanel';
import { ReviewState } from '../views/reviewModel';

export function createAgreement(knowledge: WorkspaceKnowledge, review: ReviewState, extensionPath: string): { panel: AgreementPanel; disposables: vscode.Disposable[] } {
  const panel = new AgreementPanel(knowledge, review, () => readAssets(extensionPath));
  return { panel, disposables: [panel, registerCommand(Commands.showAgreement, () => panel.show())] };
}
