import * as vscode from 'vscode';
import { SIFT_VERSION } from '../core/version';
import { createAgreement } from './commands/agreementCommand';
import { registerAliasCommand } from './commands/aliasCommand';
import { registerClaimCommands } from './commands/claimCommands';
import { StepTracker } from './commands/claimInput';
import { registerClaimLinkCommands } from './commands/claimLinks';
import { registerDiscussionCommands } from './commands/discussionCommands';
import { registerEntityCommands } from './commands/entityCommands';
import { registerExportCommand } from './commands/exportCommand';
import { registerGitSetup } from './commands/gitSetup';
import { createReview } from './commands/reviewCommands';
import { Services } from './commands/services';
import { registerSuggestionCommands } from './commands/suggestionCommands';
import { registerTreeCommands } from './commands/treeCommands';
import { Commands } from './platform/commandIds';
import { registerCommand } from './platform/commands';
import { DecorationTypes } from './platform/decorationTypes';
import { createLog } from './platform/log';
import { AnnotatorState } from './state/annotator';
import { WorkspaceKnowledge } from './state/knowledge';
import { Sessions } from './state/sessions';
import { SiftApi, testHooksEnabled, withTestHooks } from './testApi';
import { AnnotationTree } from './views/annotationTree';
import { AnnotationDecorations } from './views/decorations';
import { Discussion } from './views/discussion';
import { MyQueue } from './views/myQueue';
import { SiftHover } from './views/hover';
import { Orphans } from './views/orphans';
import { SidecarDiagnostics } from './views/sidecarDiagnostics';
import { AnnotatorStatus } from './views/statusBar';
import { Suggestions } from './views/suggestions';

export type { SiftApi, SiftTestApi } from './testApi';

let sessions: Sessions | undefined;

/** The state every feature shares; each object is disposed with the extension. */
function createServices(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, types: DecorationTypes): Services {
  const own = <T extends vscode.Disposable>(d: T): T => { context.subscriptions.push(d); return d; };
  const knowledge = own(new WorkspaceKnowledge(log));
  const annotator = own(new AnnotatorState(() => knowledge.annotators()));
  const sidecarDiagnostics = own(new SidecarDiagnostics());
  sidecarDiagnostics.showWarningsOf(knowledge.index);
  const s = own(new Sessions(annotator, log, sidecarDiagnostics, knowledge.onSidecarDisk));
  // Sift's own saves reach the corpus index in-process: no watcher round trip, no parse.
  own(s.onDidSave((session) => knowledge.saved(session)));
  const suggestions = own(new Suggestions(s, knowledge, context.workspaceState, types));
  return { sessions: s, annotator, knowledge, suggestions, memento: context.workspaceState, steps: new StepTracker() };
}

/** Every command, one group per feature. */
function registerCommands(sv: Services): vscode.Disposable[] {
  return [
    ...registerEntityCommands(sv.sessions),
    ...registerSuggestionCommands(sv),
    ...registerClaimCommands(sv),
    ...registerClaimLinkCommands(sv),
    registerAliasCommand(sv.knowledge),
    registerExportCommand(sv.sessions, sv.annotator),
    registerCommand(Commands.switchAnnotator, () => sv.annotator.pick()),
  ];
}

/** Wires Sift's features together; each feature lives in its own file and owns its disposables. */
export function activate(context: vscode.ExtensionContext): SiftApi {
  const started = performance.now();
  const log = createLog(context);
  const types = new DecorationTypes(context.extensionUri);
  context.subscriptions.push(types);
  const sv = createServices(context, log, types);
  sessions = sv.sessions;
  const status = new AnnotatorStatus(sv.sessions, sv.annotator);
  const tree = new AnnotationTree(sv.sessions, sv.annotator, sv.knowledge);
  const discussion = new Discussion(sv.sessions, sv.knowledge);
  const queue = new MyQueue(sv.knowledge, sv.annotator);
  context.subscriptions.push(
    status,
    tree,
    new AnnotationDecorations(sv.sessions, types),
    new Orphans(sv.sessions),
    vscode.languages.registerHoverProvider({ scheme: 'file' }, new SiftHover(sv.sessions, sv.suggestions)),
    ...registerTreeCommands(tree, sv.sessions),
    ...registerCommands(sv),
    discussion,
    ...registerDiscussionCommands(sv.sessions, discussion, sv.steps),
    registerGitSetup(context),
    queue,
  );
  const review = createReview(sv, types, (article) => discussion.unresolvedCount(article));
  context.subscriptions.push(...review.disposables);
  const agreement = createAgreement(sv.knowledge, review.state, context.extensionPath, (m) => log.warn(m));
  context.subscriptions.push(...agreement.disposables);
  const activationMs = performance.now() - started;
  const mode = vscode.ExtensionMode[context.extensionMode];
  log.info(`Sift ${SIFT_VERSION} activated in ${activationMs.toFixed(1)} ms (extension mode ${mode}); annotating as ${sv.annotator.id}`);
  const api: SiftApi = { version: SIFT_VERSION, annotator: () => sv.annotator.id };
  if (!testHooksEnabled(context.extensionMode)) return api;
  log.info('test hooks are on');
  return withTestHooks(api, { services: sv, status, tree, review, discussion, queue, agreement: agreement.panel, activationMs, extensionMode: context.extensionMode });
}

/** Writes everything still pending, so closing VS Code right after an annotation loses nothing. */
export function deactivate(): void {
  sessions?.flushAll();
  sessions = undefined;
}
