// What the workspace teaches the detector: the gazetteer file and every string an annotator labelled.
// Built off the activation path, rebuilt when sidecars or the gazetteer change.
import * as path from 'path';
import * as vscode from 'vscode';
import { GAZETTEER_FILE, NameIndex, parseGazetteer } from '../../core/detect/gazetteer';
import { learnedLabels } from '../../core/corpus/workspaceNames';
import { ClaimAnnotation, Layer } from '../../core/model';
import { parseSidecar } from '../../core/store/sidecarFormat';
import { createDiagnostics, toDiagnostic } from '../platform/diagnostics';
import { Debouncer, Disposable } from '../platform/lifecycle';

/** A claim somewhere in the workspace: its article, its annotator, and the claim. */
export interface WorkspaceClaim {
  article: string;
  annotator: string;
  claim: ClaimAnnotation;
}

/** An entity of the gazetteer file: its canonical name and label. */
export interface GazetteerEntry {
  name: string;
  label: string;
}

export class WorkspaceKnowledge extends Disposable {
  names = new NameIndex();
  private readonly emitter = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.emitter.event;
  private readonly diagnostics = this._register(createDiagnostics('gazetteer'));
  private readonly rebuildSoon = this._register(new Debouncer(400, () => { this.building = this.rebuild(); }));
  private building: Promise<void> | undefined;
  private entries: GazetteerEntry[] = [];
  /** Every claim in the workspace's sidecars as last read, for linking and for source suggestions. */
  claims: WorkspaceClaim[] = [];

  constructor(private readonly log: vscode.LogOutputChannel) {
    super();
    const watcher = this._register(vscode.workspace.createFileSystemWatcher(`**/{*.ann.yaml,${GAZETTEER_FILE}}`));
    const soon = () => this.rebuildSoon.schedule();
    this._register(watcher.onDidChange(soon));
    this._register(watcher.onDidCreate(soon));
    this._register(watcher.onDidDelete(soon));
  }

  /** The gazetteer file of the first workspace folder. */
  get gazetteerUri(): vscode.Uri | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder && vscode.Uri.joinPath(folder.uri, GAZETTEER_FILE);
  }

  /** Resolves once the names are loaded (the first call starts the work). */
  ready(): Promise<void> {
    this.building ??= this.rebuild();
    return this.building;
  }

  private async rebuild(): Promise<void> {
    const names = new NameIndex();
    const uri = this.gazetteerUri;
    this.entries = [];
    if (uri) {
      try {
        const text = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
        const g = parseGazetteer(text, uri.fsPath);
        this.diagnostics.set(uri, g.problems.map((p) => toDiagnostic(p)));
        names.addGazetteer(g.gazetteer);
        this.entries = g.gazetteer.entities.map((e) => ({ name: e.name, label: e.label }));
      } catch {
        this.diagnostics.delete(uri);
      }
    }
    const layers: Layer[] = [];
    const claims: WorkspaceClaim[] = [];
    for (const f of await vscode.workspace.findFiles('**/*.ann.yaml', '**/node_modules/**', 5000)) {
      try {
        const layer = parseSidecar(Buffer.from(await vscode.workspace.fs.readFile(f)).toString('utf8'), f.fsPath).layer;
        layers.push(layer);
        const article = path.join(path.dirname(f.fsPath), layer.header.article);
        for (const c of layer.claims) claims.push({ article, annotator: layer.header.annotator, claim: c });
      } catch { /* broken sidecars teach nothing; they are reported elsewhere */ }
    }
    this.claims = claims;
    let learned = 0;
    for (const [quote, label] of learnedLabels(layers)) if (!names.get(quote)) { names.add(quote, label, 'learned'); learned++; }
    names.version = this.names.version + names.size + 1;
    this.names = names;
    this.log.info(`workspace names: ${this.entries.length} gazetteer entities, ${learned} learned strings`);
    this.emitter.fire();
  }

  /** Names used as claim sources in the workspace, most used first. */
  sources(): string[] {
    const n = new Map<string, number>();
    for (const c of this.claims) n.set(c.claim.source.name, (n.get(c.claim.source.name) ?? 0) + 1);
    return [...n].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
  }

  /** The gazetteer's entities as last read. */
  get gazetteer(): readonly GazetteerEntry[] {
    return this.entries;
  }

  /** Reads the gazetteer and the sidecars again now (after a save, before a list of claims is shown). */
  refresh(): Promise<void> {
    this.rebuildSoon.cancel();
    this.building = this.rebuild();
    return this.building;
  }

  /** An annotator just labelled this string: suggest it everywhere at once, without waiting for the rebuild. */
  learn(quote: string, label: string): void {
    if (label === 'DATE' || this.names.get(quote)?.how === 'gazetteer') return;
    this.names.add(quote, label, 'learned');
    this.emitter.fire();
  }
}
