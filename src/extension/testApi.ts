// What Sift's own integration tests may reach inside the running extension. These hooks are not part of the public
// API: activate() adds them only in an extension host started for tests (ExtensionMode.Test, as with
// extensionTestsPath) or when SIFT_TEST_HOOKS=1 is set in the extension host's environment.
import * as vscode from 'vscode';
import { Suggestion } from '../core/detect/detector';
import { ArticleSession } from '../core/session/session';
import { ReviewParts } from './commands/reviewCommands';
import { Services } from './commands/services';
import { SiftCommentThread } from './platform/commentThreads';
import { AgreementPanel, Opened, Rendered, SaveFormat } from './views/agreement/agreementPanel';
import { AnnotationTree, Filter } from './views/annotationTree';
import { Discussion } from './views/discussion';
import { MyQueue } from './views/myQueue';
import { AnnotatorStatus } from './views/statusBar';

/** What Sift offers other extensions. */
export interface SiftApi {
  readonly version: string;
  /** The annotator id Sift writes as now. */
  annotator(): string;
}

export interface SiftTestApi extends SiftApi {
  /** How long activate() took, in milliseconds. */
  readonly activationMs: number;
  /** The extension host's mode, by name: 'Test' under the test runners. */
  readonly extensionMode: string;
  /** The session of an open article, if Sift annotates it. */
  session(doc: vscode.TextDocument): ArticleSession | undefined;
  /** The session of one layer of an open article (read-only for an annotator other than the current one and gold). */
  layer(doc: vscode.TextDocument, annotator: string): ArticleSession | undefined;
  /** Whether a layer's big sidecar is being loaded off the extension host (layer() gives undefined until then). */
  layerLoading(doc: vscode.TextDocument, annotator?: string): boolean;
  /** Changes a layer through the one write path (Sessions.mutate); throws for a read-only layer. */
  mutate<T>(session: ArticleSession, change: () => T, label?: string): T;
  /** Fires after Sift wrote a layer's sidecar itself (Sessions.onDidSave). */
  onDidSaveLayer: vscode.Event<ArticleSession>;
  /** Reverts the last change made through Sift; returns its label. */
  undoLast(): string | undefined;
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
  /** How many times the Sift view told VS Code its tree changed. */
  treeChanges(): number;
  /** How many sidecars the corpus index has read and parsed since activation. */
  indexStats(): { reads: number; parses: number };
  /** The discussion's comment threads drawn on an open article. */
  commentThreads(doc: vscode.TextDocument): SiftCommentThread[];
  /** Unresolved discussion threads of an article (open or not). */
  unresolvedCount(articlePath: string): number;
  /** Waits until the corpus index has taken in every save and sidecar change so far. */
  indexSettled(): Promise<void>;
  /** Review mode, for the review suite. */
  review: ReviewTestApi;
  /** The My queue view as text: my unfinished articles (paths relative to the assignments file) and progress lines. */
  myQueue(): Promise<{ queue: string[]; progress: string[]; problem?: string }>;
  /** The agreement report, for the agreement suite. */
  agreement: AgreementTestApi;
}

export interface AgreementTestApi {
  /** What the report's webview last said it drew (undefined until it has drawn). */
  rendered(): Rendered | undefined;
  /** Handles a message as if the webview had posted it (a click posts `{type: 'open', target}`). */
  post(message: unknown): Promise<void>;
  /** Where the last click opened review. */
  opened(): Opened | undefined;
  /** Saves the report to a path, without the save dialog. */
  saveTo(file: string, format: SaveFormat): Promise<string | undefined>;
}

/** A unit as the review tests read it. */
export interface UnitSnapshot {
  id: string;
  state: string;
  start: number;
  end: number;
  versions: { key: string; label?: string; annotators: string[] }[];
  gold: string[];
  dismissed: boolean;
}

export interface ReviewTestApi {
  /** Turns review on for an article with these layers (as the command does after its pick). */
  start(article: string, annotators: string[]): Promise<void>;
  /** The article's units now (undefined when review is off for it). */
  units(article: string): UnitSnapshot[] | undefined;
  /** The compared annotators of an article under review. */
  annotators(article: string): string[] | undefined;
  /** How many ranges each unit state has drawn in the article's editors. */
  drawn(article: string): Record<string, number>;
  statusText(): string;
  /** The review view as text. */
  view(): Promise<{ units: string[]; articles: string[] }>;
  /** The hover's Markdown on the unit at a code point, if any. */
  hover(article: string, cp: number): string | undefined;
  /** How many times units were aligned. */
  alignments(): number;
}

/** The environment variable that turns the hooks on outside a test host (for instance under `npm start`). */
export const TEST_HOOKS_ENV = 'SIFT_TEST_HOOKS';

/** The host's environment: Node's; none in the web worker extension host, where `process` is undefined. */
const hostEnv = (): NodeJS.ProcessEnv => (globalThis as { process?: NodeJS.Process }).process?.env ?? {};

export function testHooksEnabled(mode: vscode.ExtensionMode, env: NodeJS.ProcessEnv = hostEnv()): boolean {
  return mode === vscode.ExtensionMode.Test || env[TEST_HOOKS_ENV] === '1';
}

export interface TestHookParts {
  services: Services;
  status: AnnotatorStatus;
  tree: AnnotationTree;
  review: ReviewParts;
  discussion: Discussion;
  queue: MyQueue;
  agreement: AgreementPanel;
  activationMs: number;
  extensionMode: vscode.ExtensionMode;
}

export function withTestHooks(api: SiftApi, { services: sv, status, tree, review, discussion, queue, agreement, activationMs, extensionMode }: TestHookParts): SiftTestApi {
  return {
    ...api,
    activationMs,
    extensionMode: vscode.ExtensionMode[extensionMode],
    session: (doc) => sv.sessions.get(doc),
    layer: (doc, annotator) => sv.sessions.getLayer(doc, annotator),
    layerLoading: (doc, annotator) => sv.sessions.isLoading(doc, annotator),
    mutate: (session, change, label) => sv.sessions.mutate(session, change, label),
    undoLast: () => sv.sessions.undoLast(),
    onDidSaveLayer: sv.sessions.onDidSave,
    flush: () => sv.sessions.flushAll(),
    statusText: () => status.text,
    suggestions: (doc) => sv.suggestions.refresh(doc),
    suggestionsEnabled: () => sv.suggestions.isEnabled,
    tree: (filter) => { tree.setFilter(filter ?? {}); return tree.snapshot(); },
    claimStep: () => sv.steps.step,
    treeChanges: () => tree.changes,
    myQueue: () => queue.snapshot(),
    indexStats: () => ({ ...sv.knowledge.index.stats }),
    commentThreads: (doc) => discussion.shownThreads(doc.uri.fsPath),
    unresolvedCount: (articlePath) => discussion.unresolvedCount(articlePath),
    indexSettled: () => sv.knowledge.settled(),
    review: reviewHooks(review),
    agreement: {
      rendered: () => agreement.rendered,
      post: (message) => agreement.handle(message),
      opened: () => agreement.opened,
      saveTo: (file, format) => agreement.save(format, file),
    },
  };
}

function reviewHooks({ state, decorations, view, hover }: ReviewParts): ReviewTestApi {
  return {
    start: async (article, annotators) => { await state.start(article, annotators); },
    units: (article) => state.get(article)?.alignment.units.map((u) => ({
      id: u.id, state: u.state, start: u.start, end: u.end, gold: u.gold.map((g) => g.id), dismissed: !!u.dismissal,
      versions: u.versions.map((v) => ({ key: v.key, ...(v.label ? { label: v.label } : {}), annotators: [...v.annotators] })),
    })),
    annotators: (article) => state.get(article)?.annotators,
    drawn: (article) => decorations.ranges(article),
    statusText: () => decorations.statusText,
    view: () => view.snapshot(),
    hover: (article, cp) => { const u = state.unitAt(article, cp); return u && hover.markdown(article, u).value; },
    alignments: () => state.alignments,
  };
}
