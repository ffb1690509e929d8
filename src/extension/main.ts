import * as vscode from 'vscode';
import { ArticleSession } from '../core/session';
import { SIFT_VERSION } from '../core/version';
import { AnnotatorState } from './annotator';
import { AnnotationDecorations } from './decorations';
import { AnnotationTree, Filter } from './annotationTree';
import { registerClaimCommands } from './claimCommands';
import { StepTracker } from './claimInput';
import { registerExportCommand } from './exportCommand';
import { registerEntityCommands } from './entityCommands';
import { createLog } from './log';
import { Orphans } from './orphans';
import { Sessions } from './sessions';
import { SidecarDiagnostics } from './sidecarDiagnostics';
import { AnnotatorStatus } from './statusBar';
import { SiftHover } from './hover';
import { WorkspaceKnowledge } from './knowledge';
import { registerSuggestionCommands } from './suggestionCommands';
import { Suggestions } from './suggestions';
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
