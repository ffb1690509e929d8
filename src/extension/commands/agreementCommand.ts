// Sift: Show Agreement (issue 13): the inter-annotator agreement report in a webview (views/agreement/).
import * as path from 'path';
import * as vscode from 'vscode';
import { Commands } from '../platform/commandIds';
import { registerCommand } from '../platform/commands';
import { WorkspaceKnowledge } from '../state/knowledge';
import { readAssets } from '../views/agreement/agreementHtml';
import { AgreementPanel } from '../views/agreement/agreementPanel';
import { AgreementWorker } from '../views/agreement/offThread';
import { ReviewState } from '../views/reviewModel';

export function createAgreement(knowledge: WorkspaceKnowledge, review: ReviewState, extensionPath: string, log?: (message: string) => void): { panel: AgreementPanel; disposables: vscode.Disposable[] } {
  // The report is computed in a worker thread (dist/agreementWorker.js), so a big corpus never blocks the extension host;
  // in the browser (offThread.web.ts) on the web worker host in slices. Articles are read through the index's file port.
  const worker = new AgreementWorker(path.join(extensionPath, 'dist', 'agreementWorker.js'), (why) => log?.(`agreement: computed on the extension host, in slices (${why})`), (file) => knowledge.index.readBytes(file));
  const panel = new AgreementPanel(knowledge, review, () => readAssets(extensionPath), worker);
  return { panel, disposables: [panel, worker, registerCommand(Commands.showAgreement, () => panel.show())] };
}
