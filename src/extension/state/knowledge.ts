// What the workspace teaches the detector: the gazetteer file and every string an annotator labelled.
// Built off the activation path, rebuilt when sidecars or the gazetteer change.
import * as path from 'path';
import * as vscode from 'vscode';
import { GAZETTEER_FILE, NameIndex, addAlias, parseGazetteer } from '../../core/detect/gazetteer';
import { learnedLabels } from '../../core/corpus/workspaceNames';
import { BUILTIN_LABELS, ClaimAnnotation, Layer } from '../../core/model';

/** A claim somewhere in the workspace: its article, its annotator, and the claim. */
export interface WorkspaceClaim {
  article: string;
  annotator: string;
  claim: ClaimAnnotation;
}
import { parseSidecar } from '../../core/store/sidecarFormat';
import { writeFileAtomic } from '../../core/store/atomicWrite';
import { problemToDiagnostic } from '../views/sidecarDiagnostics';

export class WorkspaceKnowledge implements vscode.Disposable {
  names = new NameIndex();
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('sift-gazetteer');
  private readonly disposables: vscode.Disposable[] = [this.emitter, this.diagnostics];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private building: Promise<void> | undefined;
  private gazetteer: { name: string; label: string }[] = [];
  /** Every claim in the workspace's sidecars as last read, for linking and for source suggestions. */
  claims: WorkspaceClaim[] = [];

  constructor(private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/{*.ann.yaml,${GAZETTEER_FILE}}`);
    const soon = () => this.scheduleRebuild();
    this.disposables.push(watcher, watcher.onDidChange(soon), watcher.onDidCreate(soon), watcher.onDidDelete(soon),
      vscode.commands.registerCommand('sift.addAlias', () => this.addAliasFromSelection()));
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

  private scheduleRebuild(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.building = this.rebuild(); }, 400);
  }

  private async rebuild(): Promise<void> {
    const names = new NameIndex();
    const uri = this.gazetteerUri;
    this.gazetteer = [];
    if (uri) {
      try {
        const text = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
        const g = parseGazetteer(text, uri.fsPath);
        this.diagnostics.set(uri, g.problems.map(problemToDiagnostic));
        names.addGazetteer(g.gazetteer);
        this.gazetteer = g.gazetteer.entities.map((e) => ({ name: e.name, label: e.label }));
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
    this.log.info(`workspace names: ${this.gazetteer.length} gazetteer entities, ${learned} learned strings`);
    this.emitter.fire();
  }

  /** Names used as claim sources in the workspace, most used first. */
  sources(): string[] {
    const n = new Map<string, number>();
    for (const c of this.claims) n.set(c.claim.source.name, (n.get(c.claim.source.name) ?? 0) + 1);
    return [...n].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
  }

  /** Reads the sidecars again now (after a save, before a list of claims is shown). */
  refresh(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.building = this.rebuild();
    return this.building;
  }

  /** An annotator just labelled this string: suggest it everywhere at once, without waiting for the rebuild. */
  learn(quote: string, label: string): void {
    if (label === 'DATE' || this.names.get(quote)?.how === 'gazetteer') return;
    this.names.add(quote, label, 'learned');
    this.emitter.fire();
  }

  private async addAliasFromSelection(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const uri = this.gazetteerUri;
    const alias = editor?.document.getText(editor.selection).trim().replace(/\s+/g, ' ');
    if (!editor || !uri || !alias) {
      void vscode.window.showInformationMessage('Sift: select the name to add as an alias first.');
      return;
    }
    await this.ready();
    const items = [
      { label: `$(add) New entity "${alias}"`, name: alias, fresh: true },
      ...this.gazetteer.map((e) => ({ label: e.name, description: e.label, name: e.name, fresh: false })),
    ];
    const pick = await vscode.window.showQuickPick(items, { title: `Sift: "${alias}" is another name for…`, matchOnDescription: true });
    if (!pick) return;
    let label = this.gazetteer.find((e) => e.name === pick.name)?.label;
    if (!label) {
      label = await vscode.window.showQuickPick([...BUILTIN_LABELS], { title: `Sift: label of ${pick.name}` });
      if (!label) return;
    }
    let source = '';
    try { source = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8'); } catch { /* a new file */ }
    if (source && parseGazetteer(source, uri.fsPath).problems.length) {
      void vscode.window.showErrorMessage(`Sift: ${path.basename(uri.fsPath)} has errors; fix them before adding aliases (it is not written over).`);
      return;
    }
    const header = source ? '' : '# Sift gazetteer: canonical names, labels and their other spellings. Schema: schemas/gazetteer.schema.json\n';
    writeFileAtomic(uri.fsPath, header + addAlias(source, pick.name, label, alias));
    await this.rebuild();
    void vscode.window.showInformationMessage(`Sift: "${alias}" is now an alias of ${pick.name} (${label}).`);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
