// Sift's activation, shared by both entries: main.ts (the Node extension host) and web.ts (the web worker extension
// host, package.json `browser`). Each passes the Platform it runs on.
import * as vscode from 'vscode';
import { FileSystemPort } from '../core/store/fileSystem';
import { SidecarPort } from '../core/store/sidecarPort';
import { SIFT_VERSION } from '../core/version';
import { createAgreement } from './commands/agreementCommand';
import { registerAliasCommand } from './commands/aliasCommand';
import { registerClaimCommands } from './commands/claimCommands';
import { StepTracker } from './commands/claimInput';
import { registerClaimLinkCommands } from './commands/claimLinks';
import { registerDiscussionCommands } from './commands/discussionCommands';
import { registerEntityCommands } from './commands/entityCommands';
import { ExportHost, registerExportCommand } from './commands/exportCommand';
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

/**
 * What differs between the Node extension host (desktop, code-server's server) and the web worker extension host
 * (vscode.dev, github.dev): how files are reached, what runs in a process, what the log calls the host. Everything
 * else is the same code: main.ts and web.ts each make one Platform and call activateSift.
 */
export interface Platform {
  /** The host, as the log names it: "Node extension host" or "web worker extension host". */
  readonly hostName: string;
  /** How the corpus reaches files: Node's fs, or vscode.workspace.fs. */
  readonly fs: FileSystemPort;
  /** The workspace folders this file system reaches, as the core's paths (the corpus index's roots). */
  roots(): string[];
  /** The URI schemes of the articles Sift annotates: 'file' on desktop, the workspace folders' on the web. */
  schemes(): string[];
  /** How the export command reaches files (default: Node's fs). */
  readonly exportHost?: ExportHost;
  /** The port every sidecar is read and written through, asynchronously (the web); unset: Node's fs (desktop). */
  readonly sidecarPort?: SidecarPort;
  /** The features that need Node (git setup, the merge driver): registered on desktop, absent on the web. */
  desktopOnly(context: vscode.ExtensionContext): vscode.Disposable[];
}

/** What activation gives back: the API, and the sessions whose pending work deactivate writes. */
export interface Activated {
  api: SiftApi;
  sessions: Sessions;
}

/** The state every feature shares; each object is disposed with the extension. */
function createServices(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, types: DecorationTypes, platform: Platform): Services {
  const own = <T extends vscode.Disposable>(d: T): T => { context.subscriptions.push(d); return d; };
  const knowledge = own(new WorkspaceKnowledge(log, platform.fs, platform.roots()));
  const annotator = own(new AnnotatorState(() => knowledge.annotators()));
  const sidecarDiagnostics = own(new SidecarDiagnostics());
  sidecarDiagnostics.showWarningsOf(knowledge.index);
  const s = own(new Sessions(annotator, log, sidecarDiagnostics, knowledge.onSidecarDisk, { port: platform.sidecarPort, schemes: platform.schemes() }));
  // Sift's own saves reach the corpus index in-process: no watcher round trip, no parse.
  own(s.onDidSave((session) => knowledge.saved(session)));
  const suggestions = own(new Suggestions(s, knowledge, context.workspaceState, types));
  return { sessions: s, annotator, knowledge, suggestions, memento: context.workspaceState, steps: new StepTracker() };
}

/** Every command, one group per feature. */
function registerCommands(sv: Services, platform: Platform): vscode.Disposable[] {
  return [
    ...registerEntityCommands(sv.sessions),
    ...registerSuggestionCommands(sv),
    ...registerClaimCommands(sv),
    ...registerClaimLinkCommands(sv),
    registerAliasCommand(sv.knowledge),
    registerExportCommand(sv.sessions, sv.annotator, platform.exportHost),
    registerCommand(Commands.switchAnnotator, () => sv.annotator.pick()),
  ];
}

/** Wires Sift's features together, on either host; each feature lives in its own file and owns its disposables. */
export function activateSift(context: vscode.ExtensionContext, platform: Platform): Activated {
  const started = performance.now();
  const steps: string[] = [];
  let last = started;
  const step = (name: string): void => { const now = performance.now(); steps.push(`${name} ${(now - last).toFixed(1)}`); last = now; };
  const log = createLog(context);
  const types = new DecorationTypes(context.extensionUri);
  context.subscriptions.push(types);
  step('log');
  const sv = createServices(context, log, types, platform);
  step('services');
  const status = new AnnotatorStatus(sv.sessions, sv.annotator);
  const tree = new AnnotationTree(sv.sessions, sv.annotator, sv.knowledge);
  const discussion = new Discussion(sv.sessions, sv.knowledge, (m) => log.warn(m));
  const queue = new MyQueue(sv.knowledge, sv.annotator);
  context.subscriptions.push(status, tree, discussion, queue, new AnnotationDecorations(sv.sessions, types), new Orphans(sv.sessions));
  step('views');
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(sv.sessions.selector, new SiftHover(sv.sessions, sv.suggestions)),
    ...registerTreeCommands(tree, sv.sessions),
    ...registerCommands(sv, platform),
    ...registerDiscussionCommands(sv.sessions, discussion, sv.steps),
    ...platform.desktopOnly(context),
  );
  step('commands');
  const review = createReview(sv, types, (article) => discussion.unresolvedCount(article));
  context.subscriptions.push(...review.disposables);
  const agreement = createAgreement(sv.knowledge, review.state, context.extensionPath, (m) => log.warn(m));
  context.subscriptions.push(...agreement.disposables);
  step('review and agreement');
  const activationMs = performance.now() - started;
  const mode = vscode.ExtensionMode[context.extensionMode];
  log.info(`Sift ${SIFT_VERSION} activated in the ${platform.hostName} in ${activationMs.toFixed(1)} ms (extension mode ${mode}); annotating as ${sv.annotator.id}`);
  log.info(`activation steps, in ms: ${steps.join(', ')}`);
  const api: SiftApi = { version: SIFT_VERSION, annotator: () => sv.annotator.id };
  if (!testHooksEnabled(context.extensionMode)) return { api, sessions: sv.sessions };
  log.info('test hooks are on');
  return { sessions: sv.sessions, api: withTestHooks(api, { services: sv, status, tree, review, discussion, queue, agreement: agreement.panel, activationMs, extensionMode: context.extensionMode }) };
}
