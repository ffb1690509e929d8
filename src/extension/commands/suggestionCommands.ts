// Turning suggestions into annotations: accept, change label, reject, accept a whole label, accept a string everywhere,
// and set the reference date that dates resolve against.
import * as vscode from 'vscode';
import { ArticleError } from '../../core/text/article';
import { isoDay, parseIsoDay } from '../../core/detect/dates';
import { Suggestion } from '../../core/detect/detector';
import { BUILTIN_LABELS, EntityAnnotation } from '../../core/model';
import { ArticleSession } from '../../core/session/session';
import { AnnotatorState } from '../state/annotator';
import { readConfig } from '../platform/config';
import { activeArticle } from './entityCommands';
import { WorkspaceKnowledge } from '../state/knowledge';
import { positionToCp } from '../platform/positions';
import { Sessions } from '../state/sessions';
import { Suggestions } from '../views/suggestions';

/** A suggestion named in a command link: which article, where, and what it says. */
export interface SuggestionRef {
  uri: string;
  start: number;
  end: number;
  label: string;
}

export function suggestionRef(doc: vscode.TextDocument, s: Suggestion): SuggestionRef {
  return { uri: doc.uri.toString(), start: s.start, end: s.end, label: s.label };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every whole-word occurrence of `text`, in code points. */
export function occurrences(session: ArticleSession, text: string): { start: number; end: number }[] {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(text)}(?![\\p{L}\\p{N}])`, 'gu');
  const { index } = session.article;
  return [...session.article.text.matchAll(re)].map((m) => ({ start: index.toCp(m.index), end: index.toCp(m.index + m[0].length) }));
}

function accept(session: ArticleSession, s: Pick<Suggestion, 'start' | 'end' | 'label' | 'value' | 'canonical'>, label = s.label): EntityAnnotation {
  return session.addEntity({ start: s.start, end: s.end, label, ...(label === s.label && s.value ? { value: s.value } : {}), ...(s.canonical ? { canonical: s.canonical } : {}) });
}

export function registerSuggestionCommands(sessions: Sessions, suggestions: Suggestions, knowledge: WorkspaceKnowledge, annotator: AnnotatorState): vscode.Disposable[] {
  /** The suggestion a command is about: the one a link names, else the one under the cursor. */
  const resolve = async (ref?: SuggestionRef): Promise<{ doc: vscode.TextDocument; session: ArticleSession; s: Suggestion } | undefined> => {
    const doc = ref ? await vscode.workspace.openTextDocument(vscode.Uri.parse(ref.uri)) : vscode.window.activeTextEditor?.document;
    const session = doc && sessions.get(doc);
    if (!doc || !session) return undefined;
    const list = suggestions.visible(doc);
    const s = ref
      ? list.find((x) => x.start === ref.start && x.end === ref.end && x.label === ref.label)
      : suggestions.at(doc, positionToCp(doc, vscode.window.activeTextEditor!.selection.active));
    if (!s) {
      void vscode.window.showInformationMessage('Sift: no open suggestion there.');
      return undefined;
    }
    return { doc, session, s };
  };

  const pickLabel = (current: string) => vscode.window.showQuickPick(
    [...new Set([...BUILTIN_LABELS, ...vscode.workspace.getConfiguration('sift').get<string[]>('labels', [])])].filter((l) => l !== current),
    { title: 'Sift: label it as…' },
  );

  return [
    vscode.commands.registerCommand('sift.acceptSuggestion', async (ref?: SuggestionRef) => {
      const t = await resolve(ref);
      if (!t) return undefined;
      const a = sessions.mutate(t.session, () => accept(t.session, t.s));
      knowledge.learn(t.s.text, t.s.label);
      return a;
    }),

    vscode.commands.registerCommand('sift.changeSuggestionLabel', async (ref?: SuggestionRef, label?: string) => {
      const t = await resolve(ref);
      if (!t) return undefined;
      const chosen = label ?? await pickLabel(t.s.label);
      if (!chosen) return undefined;
      const a = sessions.mutate(t.session, () => accept(t.session, t.s, chosen));
      knowledge.learn(t.s.text, chosen);
      return a;
    }),

    vscode.commands.registerCommand('sift.rejectSuggestion', async (ref?: SuggestionRef) => {
      const t = await resolve(ref);
      if (!t) return false;
      sessions.mutate(t.session, () => t.session.reject(t.s.text, t.s.label));
      return true;
    }),

    vscode.commands.registerCommand('sift.acceptAllOfLabel', async (label?: string) => {
      const t = activeArticle(sessions);
      if (!t) return 0;
      const open = await suggestions.refresh(t.editor.document);
      const labels = [...new Set(open.map((s) => s.label))];
      const chosen = label ?? await vscode.window.showQuickPick(labels.map((l) => ({ label: l, description: `${open.filter((s) => s.label === l).length} suggestions` })), { title: 'Sift: accept every suggestion labelled…' }).then((p) => p?.label);
      if (!chosen) return 0;
      const todo = open.filter((s) => s.label === chosen);
      sessions.mutate(t.session, () => todo.forEach((s) => accept(t.session, s)));
      void vscode.window.setStatusBarMessage(`Sift: accepted ${todo.length} ${chosen} suggestions`, 3000);
      return todo.length;
    }),

    vscode.commands.registerCommand('sift.acceptEverywhere', async (ref?: SuggestionRef) => {
      const t = await resolve(ref);
      if (!t) return 0;
      const { text, label } = t.s;
      let added = 0;
      let files = 0;
      const uris = await vscode.workspace.findFiles(readConfig().articles, '**/node_modules/**', 10_000);
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Sift: labelling "${text}" as ${label} everywhere`, cancellable: true }, async (progress, token) => {
        for (const uri of uris) {
          if (token.isCancellationRequested) break;
          progress.report({ message: vscode.workspace.asRelativePath(uri), increment: 100 / uris.length });
          const openDoc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
          let session: ArticleSession | undefined;
          try {
            session = openDoc ? sessions.get(openDoc) : ArticleSession.open(uri.fsPath, annotator.id);
          } catch (e) {
            if (!(e instanceof ArticleError)) throw e;
            continue;
          }
          if (!session || session.sidecar.error) continue;
          const s = session;
          const todo = occurrences(s, text).filter((o) => !s.layer.entities.some((e) => e.start < o.end && o.start < e.end));
          if (!todo.length) continue;
          files++;
          added += todo.length;
          const add = () => todo.forEach((o) => s.addEntity({ ...o, label, ...(t.s.canonical ? { canonical: t.s.canonical } : {}) }));
          if (openDoc) sessions.mutate(s, add);
          else { add(); s.sidecar.save(); }
        }
      });
      knowledge.learn(text, label);
      void vscode.window.showInformationMessage(`Sift: labelled ${added} occurrence(s) of "${text}" as ${label} in ${files} article(s).`);
      return added;
    }),

    vscode.commands.registerCommand('sift.setReferenceDate', async (date?: string) => {
      const t = activeArticle(sessions);
      if (!t) return undefined;
      const current = suggestions.reference(t.editor.document);
      const value = date ?? await vscode.window.showInputBox({
        title: 'Sift: the article\'s publication date (the reference for relative dates)',
        value: t.session.layer.header.published ?? (current ? isoDay(current.date) : ''),
        placeHolder: 'YYYY-MM-DD; empty to use the date in the article or the file date',
        validateInput: (v) => (v === '' || parseIsoDay(v) ? undefined : 'A date as YYYY-MM-DD'),
      });
      if (value === undefined || (value !== '' && !parseIsoDay(value))) return undefined;
      sessions.mutate(t.session, () => t.session.setPublished(value || undefined));
      await suggestions.refresh(t.editor.document);
      return value;
    }),
  ];
}
