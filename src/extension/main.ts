import * as vscode from 'vscode';
import { ArticleSession } from '../core/session/session';
import { SIFT_VERSION } from '../core/version';
import { AnnotatorState } from './state/annotator';
import { AnnotationDecorations } from './views/decorations';
import { AnnotationTree, Filter } from './views/annotationTree';
import { registerClaimCommands } from './commands/claimCommands';
import { StepTracker } from './commands/claimInput';
import { registerExportCommand } from './commands/exportCommand';
import { registerEntityCommands } from './commands/entityCommands';
import { createLog } from './platform/log';
import { Orphans } from './views/orphans';
import { Sessions } from './state/sessions';
import { SidecarDiagnostics } from './views/sidecarDiagnostics';
import { AnnotatorStatus } from './views/statusBar';
import { SiftHover } from './views/hover';
import { WorkspaceKnowledge } from './state/knowledge';
import { registerSuggestionCommands } from './commands/suggestionCommands';
import { Suggestions } from './views/suggestions';
import { Suggestion } from '../core/detect/detector';

/** What Sift offers other extensions and its own integration tests. */
export interface SiftApi {
  version: string;
  /** How long activate() took, in milliseconds. */
  activationMs: number;
  annotator(): string;
  /** The session of an open article, if Sift annotates it. */
  session(doc: vscode.TextDocument): ArticleSession | undefined;
  /** Writes all pending changes now. */
  flush(): void;
  statusText(): string;
  /** Detects now and returns the suggestions still open for the annotator. */
  suggestions(doc: vscode.TextDocument): Promise<Suggestion[]>;
  suggestionsEnabled(): boolean;
  /** The Sift view's tree, two levels deep, under an optional filter. */
  tree(filter?: Filter): Promise<{ article: string; description: string; children: string[] }[]>;
  /** The title of the claim flow's quick input showing now, if any. */
  claimStep(): string | undefined;
}

let sessions: Sessions | undefined;

/** Wires Sift's features together; each feature lives in its own file and owns its disposables. */
export function activate(context: vscode.ExtensionContext): SiftApi {
  const started = performance.now();
  const log = createLog(context);
  const annotator = new AnnotatorState();
  const sidecarDiagnostics = new SidecarDiagnostics();
  sessions = new Sessions(annotator, log, sidecarDiagnostics);
  const s = sessions;
  const status = new AnnotatorStatus(s, annotator);
  const knowledge = new WorkspaceKnowledge(log);
  const suggestions = new Suggestions(s, knowledge, context.workspaceState);
  const tree = new AnnotationTree(s, annotator);
  const steps = new StepTracker();
  context.subscriptions.push(
    knowledge,
    suggestions,
    ...registerSuggestionCommands(s, suggestions, knowledge, annotator),
    vscode.languages.registerHoverProvider({ scheme: 'file' }, new SiftHover(s, suggestions)),
    annotator,
    sidecarDiagnostics,
    s,
    status,
    new AnnotationDecorations(s, context.extensionUri),
    tree,
    ...registerClaimCommands(s, suggestions, knowledge, context.workspaceState, steps),
    registerExportCommand(s, annotator),
    new Orphans(s),
    ...registerEntityCommands(s),
    vscode.commands.registerCommand('sift.switchAnnotator', () => annotator.pick()),
  );
  const activationMs = performance.now() - started;
  log.info(`Sift ${SIFT_VERSION} activated in ${activationMs.toFixed(1)} ms; annotating as ${annotator.id}`);
  return {
    version: SIFT_VERSION,
    activationMs,
    annotator: () => annotator.id,
    session: (doc) => s.get(doc),
    flush: () => s.flushAll(),
    statusText: () => status.text,
    suggestions: (doc) => suggestions.refresh(doc),
    suggestionsEnabled: () => suggestions.isEnabled,
    tree: (filter) => { tree.setFilter(filter ?? {}); return tree.snapshot(); },
    claimStep: () => steps.step,
  };
}

/** Writes everything still pending, so closing VS Code right after an annotation loses nothing. */
export function deactivate(): void {
  sessions?.flushAll();
  sessions = undefined;
}
