// Sift: Show Agreement: the webview panel. It computes the report from the corpus index (in the agreement worker),
// sends the model to the webview by postMessage, recomputes it (with the user's filters) when a sidecar changes, and
// answers the webview's messages: a click opens review on exactly those disagreements, the filters recompute, "save"
// writes HTML, CSV or JSON (the same JSON as `sift agree --json`).
import * as vscode from 'vscode';
import { agreementCsv } from '../../../core/review/agreement/format';
import { openByPath, uriOfPath } from '../../platform/articleUri';
import { Debouncer, Disposable } from '../../platform/lifecycle';
import { messageText } from '../../platform/markdown';
import { selectSpan } from '../../platform/positions';
import { WorkspaceKnowledge } from '../../state/knowledge';
import { ReviewState } from '../reviewModel';
import { AgreementFilter, AgreementRun, computeAgreement } from './agreementData';
import { ReportAssets, savedHtml, webviewHtml } from './agreementHtml';
import { AgreementRunner } from './offThread';

/** Where reports are computed (offThread.ts's AgreementWorker): `warm` starts its thread ahead of the first report. */
export interface ReportWorker {
  run: AgreementRunner;
  warm(): boolean;
}
import { ReportTarget, annotatorsFor, articleFor, isTarget, modelOf, unitFor } from './agreementModel';

export type SaveFormat = 'html' | 'csv' | 'json';
/** How long the report waits after the last change to the corpus index before it recomputes. */
export const REFRESH_MS = 750;
const FORMATS: Record<SaveFormat, { name: string; ext: string }> = { html: { name: 'HTML', ext: 'html' }, csv: { name: 'CSV', ext: 'csv' }, json: { name: 'JSON', ext: 'json' } };

/** What the webview reported it drew. */
export interface Rendered {
  measure: string;
  cells: number;
  annotators: string[];
  labels: string[];
  rows: number;
  /** The matrix's scores as drawn (above the diagonal, row by row). */
  scores: string[];
  /** The claims table's rows and the claim features' lines, as drawn. */
  claims: { rows: string[][]; features: string[] };
}

/** Where the last click took review. */
export interface Opened {
  article: string;
  annotators: string[];
  unit?: { start: number; end: number };
}

export class AgreementPanel extends Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private run: AgreementRun | undefined;
  private filter: AgreementFilter = {};
  private computing: Promise<AgreementRun> | undefined;
  rendered: Rendered | undefined;
  opened: Opened | undefined;
  private readonly renderedEmitter = this._register(new vscode.EventEmitter<Rendered>());
  readonly onDidRender = this.renderedEmitter.event;

  /** Recomputes the open report (in the worker, with the user's filters) once sidecars stop changing. */
  /** Reports being computed; a refresh waits until none is (saves in a row recompute once, not once each). */
  private inFlight = 0;
  private readonly refresh = this._register(new Debouncer(REFRESH_MS, () => {
    if (this.inFlight) this.refresh.schedule();
    else if (this.panel) this.recompute().catch((e: unknown) => void vscode.window.showErrorMessage(messageText(`Sift: could not refresh the agreement report: ${e instanceof Error ? e.message : String(e)}`)));
  }));

  constructor(private readonly knowledge: WorkspaceKnowledge, private readonly review: ReviewState, private readonly assets: () => ReportAssets, private readonly worker?: ReportWorker) {
    super();
    // A sidecar changed, on disk or through Sift's own write path: the index says so once it holds the change.
    this._register(knowledge.onDidChangeIndex(() => { if (this.panel) this.refresh.schedule(); }));
    // So did an assignments file: an article is compared among its assigned annotators (as `sift agree` does).
    this._register(knowledge.assignments.onDidChange(() => { if (this.panel) this.refresh.schedule(); }));
  }

  /** Opens (or reveals) the report and computes it afresh. */
  async show(): Promise<void> {
    if (!this.panel) {
      const panel = vscode.window.createWebviewPanel('sift.agreement', 'Sift: Agreement', vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
      this.panel = panel;
      this.rendered = undefined;
      panel.onDidDispose(() => { this.panel = undefined; this.rendered = undefined; this.refresh.cancel(); }, undefined, []);
      this._register(panel.webview.onDidReceiveMessage((m: unknown) => this.handle(m)));
      this._register(panel);
      panel.webview.html = webviewHtml(this.assets(), panel.webview.cspSource);
      this.worker?.warm();
    } else this.panel.reveal();
    await this.recompute();
  }

  private name(article: string): string {
    return vscode.workspace.asRelativePath(article, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  }

  private async recompute(): Promise<AgreementRun> {
    this.inFlight++;
    try {
      await this.knowledge.settled();
      const assignments = this.knowledge.assignments;
      await assignments.ready();
      const computing = computeAgreement(this.knowledge.index, this.filter, { name: (a) => this.name(a), runner: this.worker?.run, assigned: (a) => assignments.assigned(a) });
      this.computing = computing;
      const run = await computing;
      if (this.computing === computing) {
        this.run = run;
        void this.panel?.webview.postMessage({ type: 'model', model: modelOf(run) });
      }
      return run;
    } finally {
      this.inFlight--;
    }
  }

  /** A message from the webview (or the test hook that posts the same): checked, never trusted. */
  async handle(m: unknown): Promise<void> {
    if (typeof m !== 'object' || m === null) return;
    const msg = m as Record<string, unknown>;
    if (msg.type === 'ready' && this.run) void this.panel?.webview.postMessage({ type: 'model', model: modelOf(this.run) });
    else if (msg.type === 'rendered') this.noteRendered(msg);
    else if (msg.type === 'open' && isTarget(msg.target)) await this.open(msg.target);
    else if (msg.type === 'filter' && typeof msg.filter === 'object' && msg.filter !== null) {
      const f = msg.filter as Record<string, unknown>;
      const list = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : undefined);
      this.filter = { annotators: list(f.annotators), labels: list(f.labels), folders: list(f.folders) };
      await this.recompute();
    } else if (msg.type === 'save' && typeof msg.format === 'string' && msg.format in FORMATS) await this.save(msg.format as SaveFormat);
  }

  private noteRendered(msg: Record<string, unknown>): void {
    const strings = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
    const c = (typeof msg.claims === 'object' && msg.claims !== null ? msg.claims : {}) as Record<string, unknown>;
    const claims = { rows: Array.isArray(c.rows) ? c.rows.map(strings) : [], features: strings(c.features) };
    this.rendered = { measure: String(msg.measure), cells: Number(msg.cells), scores: strings(msg.scores), annotators: strings(msg.annotators), labels: strings(msg.labels), rows: Number(msg.rows), claims };
    this.renderedEmitter.fire(this.rendered);
  }

  /** Opens review on the target's article, comparing its annotators, at the first unit it is about. */
  async open(t: ReportTarget): Promise<void> {
    const run = this.run ?? await this.recompute();
    const article = articleFor(run, t);
    if (!article) {
      void vscode.window.showInformationMessage('Sift: no article has that disagreement any more; the report may be out of date.');
      return;
    }
    // Beside the report, so that it stays in view while the disagreements are reviewed.
    const column = this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    const editor = await vscode.window.showTextDocument(await openByPath(article), { viewColumn: column });
    // Only the article's assigned annotators, when a file assigns it: the report compared no others there.
    const assigned = this.review.comparedOf(article, annotatorsFor(run, t))?.annotators;
    const annotators = assigned?.length ? assigned : annotatorsFor(run, t);
    const r = await this.review.start(article, annotators);
    const unit = unitFor(r.alignment.units, t);
    if (unit) selectSpan(editor, unit.start, unit.end);
    this.opened = { article, annotators, ...(unit ? { unit: { start: unit.start, end: unit.end } } : {}) };
  }

  /** The report as a file: HTML (self-contained), CSV or JSON (as `sift agree --json`). */
  contents(format: SaveFormat): string {
    if (!this.run) throw new Error('the agreement report has not been computed yet');
    if (format === 'json') return `${JSON.stringify(this.run.report, null, 2)}\n`;
    if (format === 'csv') return agreementCsv(this.run.report);
    return savedHtml(this.assets(), modelOf(this.run));
  }

  /** Saves to `file`, or asks where with a save dialog. */
  async save(format: SaveFormat, file?: string): Promise<string | undefined> {
    const f = FORMATS[format];
    // The dialog's URI is kept as it is: in the browser it is in the workspace's scheme, never a file: URI.
    const target = file !== undefined ? uriOfPath(file) : await vscode.window.showSaveDialog({ title: `Save agreement report as ${f.name}`, filters: { [f.name]: [f.ext] }, defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri.with({ path: `${vscode.workspace.workspaceFolders[0].uri.path}/agreement.${f.ext}` }) });
    if (!target) return undefined;
    try {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(this.contents(format)));
    } catch (e) {
      void vscode.window.showErrorMessage(messageText(`Sift: could not save the agreement report: ${e instanceof Error ? e.message : String(e)}`));
      return undefined;
    }
    return file ?? target.fsPath;
  }
}
