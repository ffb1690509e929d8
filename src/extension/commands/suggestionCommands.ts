// Turning suggestions into annotations: accept, change label, reject, accept a whole label, accept a string everywhere,
// and set the reference date that dates resolve against.
import * as vscode from 'vscode';
import { ArticleError } from '../../core/text/article';
import { isoDay, parseIsoDay } from '../../core/detect/dates';
import { Suggestion } from '../../core/detect/detector';
import { EntityAnnotation } from '../../core/model';
import { ArticleSession } from '../../core/session/session';
import { readClosedArticle } from '../platform/articleRead';
import { Commands } from '../platform/commandIds';
import { registerCommand } from '../platform/commands';
import { setting } from '../platform/config';
import { positionToCp } from '../platform/positions';
import { labelChoices, pickLabel } from './labels';
import { Services, activeArticle } from './services';
import { messageText } from '../platform/markdown';

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

interface Target {
  doc: vscode.TextDocument;
  session: ArticleSession;
  s: Suggestion;
}

/** The suggestion a command is about: the one a link names, else the one under the cursor. */
async function resolve({ sessions, suggestions }: Services, ref?: SuggestionRef): Promise<Target | undefined> {
  const editor = vscode.window.activeTextEditor;
  const doc = ref ? await vscode.workspace.openTextDocument(vscode.Uri.parse(ref.uri)) : editor?.document;
  const session = doc && sessions.get(doc);
  if (!doc || !session) return undefined;
  const s = ref
    ? suggestions.visible(doc).find((x) => x.start === ref.start && x.end === ref.end && x.label === ref.label)
    : editor && suggestions.at(doc, positionToCp(doc, editor.selection.active));
  if (!s) {
    void vscode.window.showInformationMessage('Sift: no open suggestion there.');
    return undefined;
  }
  return { doc, session, s };
}

function acceptSuggestion(sv: Services): vscode.Disposable {
  return registerCommand(Commands.acceptSuggestion, async (ref?: SuggestionRef) => {
    const t = await resolve(sv, ref);
    if (!t) return undefined;
    const a = sv.sessions.mutate(t.session, () => accept(t.session, t.s));
    sv.knowledge.learn(t.s.text, t.s.label);
    return a;
  });
}

function changeSuggestionLabel(sv: Services): vscode.Disposable {
  return registerCommand(Commands.changeSuggestionLabel, async (ref?: SuggestionRef, label?: string) => {
    const t = await resolve(sv, ref);
    if (!t) return undefined;
    const chosen = label ?? await pickLabel({ title: 'Sift: label it as…', exclude: t.s.label });
    if (!chosen) return undefined;
    const a = sv.sessions.mutate(t.session, () => accept(t.session, t.s, chosen));
    sv.knowledge.learn(t.s.text, chosen);
    return a;
  });
}

function rejectSuggestion(sv: Services): vscode.Disposable {
  return registerCommand(Commands.rejectSuggestion, async (ref?: SuggestionRef) => {
    const t = await resolve(sv, ref);
    if (!t) return false;
    sv.sessions.mutate(t.session, () => t.session.reject(t.s.text, t.s.label));
    return true;
  });
}

/** Asks which label to accept every open suggestion of: the labels that have some, in label order, with counts. */
async function pickOpenLabel(open: readonly Suggestion[]): Promise<string | undefined> {
  const count = (l: string) => open.filter((s) => s.label === l).length;
  const labels = labelChoices(open.map((s) => s.label)).filter((l) => count(l) > 0);
  const pick = await vscode.window.showQuickPick(labels.map((l) => ({ label: l, description: `${count(l)} suggestions` })), { title: 'Sift: accept every suggestion labelled…' });
  return pick?.label;
}

function acceptAllOfLabel({ sessions, suggestions }: Services): vscode.Disposable {
  return registerCommand(Commands.acceptAllOfLabel, async (label?: string) => {
    const t = activeArticle(sessions);
    if (!t) return 0;
    const open = await suggestions.refresh(t.editor.document);
    const chosen = label ?? await pickOpenLabel(open);
    if (!chosen) return 0;
    const todo = open.filter((s) => s.label === chosen);
    sessions.mutate(t.session, () => todo.forEach((s) => accept(t.session, s)));
    void vscode.window.setStatusBarMessage(`Sift: accepted ${todo.length} ${chosen} suggestions`, 3000);
    return todo.length;
  });
}

/**
 * Labels every unlabelled whole-word occurrence of the suggestion's text in one article; returns how many. A closed
 * article is looked at first (within the size limit) and opened through the session registry only when the text is in
 * it, so every change goes through `Sessions.mutate`: undo, events, the debounced save and the size limit.
 */
async function labelIn(sv: Services, uri: vscode.Uri, s: Suggestion): Promise<number> {
  let doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!doc) {
    try {
      if (!(await readClosedArticle(uri, setting('maxArticleSizeMB', uri) * 1024 * 1024)).includes(s.text)) return 0;
    } catch (e) {
      if (!(e instanceof ArticleError)) throw e;
      return 0;
    }
    doc = await vscode.workspace.openTextDocument(uri);
  }
  // The layer of an article just opened may still be loading (always in the browser): wait for it.
  const session = await sv.sessions.whenLayer(doc);
  if (!session || session.sidecar.error) return 0;
  const todo = occurrences(session, s.text).filter((o) => !session.layer.entities.some((e) => e.start < o.end && o.start < e.end));
  if (!todo.length) return 0;
  sv.sessions.mutate(session, () => todo.forEach((o) => session.addEntity({ ...o, label: s.label, ...(s.canonical ? { canonical: s.canonical } : {}) })), `accept "${s.text}" everywhere`);
  return todo.length;
}

/** Labels the text in every article of the workspace, with progress and Cancel; returns [occurrences, articles]. */
async function labelEverywhere(sv: Services, s: Suggestion): Promise<[number, number]> {
  let added = 0;
  let files = 0;
  const uris = await vscode.workspace.findFiles(setting('articles'), '**/node_modules/**', 10_000);
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Sift: labelling "${s.text}" as ${s.label} everywhere`, cancellable: true }, async (progress, token) => {
    for (const [i, uri] of uris.entries()) {
      // Yield now and then, so that the progress shows and Cancel is heard.
      if (i % 25 === 24) await new Promise((r) => setTimeout(r, 0));
      if (token.isCancellationRequested) break;
      progress.report({ message: vscode.workspace.asRelativePath(uri), increment: 100 / uris.length });
      const n = await labelIn(sv, uri, s);
      added += n;
      if (n) files++;
    }
  });
  return [added, files];
}

function acceptEverywhere(sv: Services): vscode.Disposable {
  return registerCommand(Commands.acceptEverywhere, async (ref?: SuggestionRef) => {
    const t = await resolve(sv, ref);
    if (!t) return 0;
    const { text, label } = t.s;
    // One undo step for the whole command, in every article it changed.
    const [added, files] = await sv.sessions.batch(() => labelEverywhere(sv, t.s));
    sv.knowledge.learn(text, label);
    void vscode.window.showInformationMessage(messageText(`Sift: labelled ${added} occurrence(s) of "${text}" as ${label} in ${files} article(s).`));
    return added;
  });
}

function setReferenceDate({ sessions, suggestions }: Services): vscode.Disposable {
  return registerCommand(Commands.setReferenceDate, async (date?: string) => {
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
  });
}

export function registerSuggestionCommands(sv: Services): vscode.Disposable[] {
  return [acceptSuggestion(sv), changeSuggestionLabel(sv), rejectSuggestion(sv), acceptAllOfLabel(sv), acceptEverywhere(sv), setReferenceDate(sv)];
}
