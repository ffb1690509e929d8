// Sift: Export Dataset… — the same core export as `sift export`, with a progress notification, cancel, and a summary.
import * as path from 'path';
import * as vscode from 'vscode';
import { FORMATS, FormatName } from '../../core/export/formats';
import { RunOptions, Summary, parseSplit, runExport } from '../../core/export/run';
import { BuiltinCommands, Commands } from '../platform/commandIds';
import { executeCommand, registerCommand } from '../platform/commands';
import { readExportConfig } from '../platform/config';
import { AnnotatorState } from '../state/annotator';
import { Sessions } from '../state/sessions';
import { yieldTurn } from '../../core/text/turn';

/** Where the export reaches files: Node's fs on desktop (runExport's defaults), the file port in the browser. */
export interface ExportHost {
  /** The first workspace folder, as the core's path. */
  root(): string | undefined;
  uriOf(file: string): vscode.Uri;
  /** In the browser: how runExport reads and writes (the index, articles, outputs); unset on desktop. */
  io?(root: string): Promise<Pick<RunOptions, 'index' | 'write' | 'readArticle'>>;
}

/** The desktop's: files by path on Node's fs. */
export const nodeExportHost: ExportHost = { root: () => vscode.workspace.workspaceFolders?.[0]?.uri.fsPath, uriOf: (file) => vscode.Uri.file(file) };

export interface ExportArgs {
  format?: FormatName;
  layer?: string;
  out?: string;
  split?: string;
  suggestions?: boolean;
}

const DESCRIBE: Record<FormatName, string> = {
  jsonl: 'one article per line: text, entities, claims', conll: 'CoNLL-2003 BIO for NER', brat: 'brat standoff .txt + .ann',
  csv: 'one row per claim', hf: 'Hugging Face token classification JSONL + labels',
};

export function registerExportCommand(sessions: Sessions, annotator: AnnotatorState, host: ExportHost = nodeExportHost): vscode.Disposable {
  return registerCommand(Commands.exportDataset, async (args: ExportArgs = {}): Promise<Summary | undefined> => {
    const root = host.root();
    if (!root) {
      void vscode.window.showInformationMessage('Sift: open a folder of articles to export.');
      return undefined;
    }
    const format = args.format ?? (await vscode.window.showQuickPick(FORMATS.map((f) => ({ label: f, description: DESCRIBE[f] })), { title: 'Sift: export format' }))?.label;
    if (!format) return undefined;
    const layer = args.layer ?? (await vscode.window.showQuickPick([
      { label: 'all', description: 'every annotator; each record carries its annotator' },
      { label: annotator.id, description: 'only your annotations' },
      { label: 'gold', description: 'the adjudicated layer where present, else all' },
    ], { title: 'Sift: which annotations?' }))?.label;
    if (!layer) return undefined;
    const out = args.out ?? path.join(root, 'export', format);
    let split;
    try {
      split = args.split ? parseSplit(args.split) : undefined;
    } catch (e) {
      void vscode.window.showErrorMessage(`Sift: ${(e as Error).message}`);
      return undefined;
    }
    if (host.io) await sessions.flushAllAsync();
    else sessions.flushAll();
    const io = await host.io?.(root);
    const summary = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Sift: exporting ${format}`, cancellable: true }, (progress, token) => {
      let last = 0;
      return runExport([root], {
        format, out, layer, split, includeSuggestions: !!args.suggestions, root, ...readExportConfig(host.uriOf(root)), ...io,
        cancelled: () => token.isCancellationRequested,
        pause: async (done, total) => {
          progress.report({ message: `${done} of ${total} articles`, increment: total ? ((done - last) / total) * 100 : 0 });
          last = done;
          await yieldTurn();
        },
      });
    });
    if (summary.cancelled) {
      void vscode.window.showInformationMessage('Sift: export cancelled; nothing was written.');
      return summary;
    }
    const labels = Object.entries(summary.entitiesByLabel).sort().map(([l, n]) => `${n} ${l}`).join(', ') || 'no entities';
    const skipped = summary.skipped.length ? `; ${summary.skipped.length} orphaned or stale annotation(s) skipped` : '';
    const problems = summary.problems.length ? `; ${summary.problems.length} problem(s), see the log` : '';
    const fuzzy = summary.fuzzy.length ? `; ${summary.fuzzy.length} placed by a fuzzy match of their quote` : '';
    void vscode.window.showInformationMessage(`Sift exported ${summary.articles} article(s): ${labels}, ${summary.claims} claim(s)${skipped}${fuzzy}${problems}.`, 'Reveal')
      .then((b) => { if (b) void executeCommand(BuiltinCommands.revealInExplorer, host.uriOf(summary.written[0] ?? out)); });
    return summary;
  });
}
