// Claims from the keyboard: mark (selection or sentence), edit, re-span, undo; plus the lightbulb on a selection.
// Linking claims is in claimLinks.ts.
import * as vscode from 'vscode';
import { Attribution } from '../../core/detect/attribution';
import { readClaim } from '../../core/detect/claimReading';
import { sentenceAt } from '../../core/text/sentences';
import { ClaimAnnotation } from '../../core/model';
import { ArticleSession } from '../../core/session/session';
import { Commands } from '../platform/commandIds';
import { commandOf, registerCommand } from '../platform/commands';
import { setting } from '../platform/config';
import { positionToCp, rangeToSpan } from '../platform/positions';
import { Sessions } from '../state/sessions';
import { askNote, pickConfidence, pickFactuality, pickSource, SourceOption, StepTracker } from './claimInput';
import { Services, activeArticle } from './services';

const LAST_CONFIDENCE = 'sift.lastConfidence';

export function short(s: string, n = 60): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

export interface ClaimTarget {
  editor: vscode.TextEditor;
  session: ArticleSession;
  claim: ClaimAnnotation;
}

/** The claim under the cursor (or named by id) in the active article. */
export function claimAt(sessions: Sessions, id?: string): ClaimTarget | undefined {
  const t = activeArticle(sessions);
  if (!t) return undefined;
  const cp = positionToCp(t.editor.document, t.editor.selection.active);
  const claim = id ? t.session.layer.claims.find((c) => c.id === id) : t.session.layer.claims.find((c) => !c.orphaned && c.start <= cp && cp <= c.end);
  if (!claim) {
    void vscode.window.showInformationMessage('Sift: no claim at the cursor.');
    return undefined;
  }
  return { ...t, claim };
}

/** Sources to offer for a span (UTF-16 offsets): named in the text around it, then the article's people and
 * organisations, then sources used in the workspace. Also returns the attribution found in the text. */
function sourceOptions(sv: Services, doc: vscode.TextDocument, session: ArticleSession, u16Start: number, u16End: number): { options: SourceOption[]; attribution: Attribution } {
  const { index } = session.article;
  const a = readClaim(doc.getText(), u16Start, u16End).attribution;
  const options: SourceOption[] = [];
  const seen = new Set<string>();
  const add = (o: SourceOption) => { if (!seen.has(o.name.toLowerCase())) { seen.add(o.name.toLowerCase()); options.push(o); } };
  const cue = a.cue ? ` · cue "${a.cue.text}" · ${a.factuality}` : '';
  for (const s of [a.source, ...a.alternatives]) if (s) add({ name: s.name, span: { start: index.toCp(s.start), end: index.toCp(s.end) }, detail: `named in the text${cue}`, group: 'attribution' });
  const names = [...session.layer.entities, ...sv.suggestions.visible(doc).map((s) => ({ quote: s.text, label: s.label }))]
    .filter((e) => e.label === 'PERSON' || e.label === 'ORG').map((e) => e.quote);
  for (const n of names) add({ name: n, group: 'article' });
  for (const n of sv.knowledge.sources()) add({ name: n, group: 'workspace' });
  return { options, attribution: a };
}

/**
 * The claim's range: the selection, or (after a confirmation) the sentence around the cursor. When it holds a dateline
 * or an attribution clause ("Moscow, Dec 16 (IANS) …, the Foreign Ministry said."), the claim without them is offered
 * first and the selection (or whole sentence) second. Undefined when declined.
 */
async function claimRange(editor: vscode.TextEditor, steps: StepTracker): Promise<vscode.Range | undefined> {
  const doc = editor.document;
  const text = doc.getText();
  const empty = editor.selection.isEmpty;
  const own = empty ? sentenceAt(text, doc.offsetAt(editor.selection.active)) : { start: doc.offsetAt(editor.selection.start), end: doc.offsetAt(editor.selection.end) };
  const reading = readClaim(text, own.start, own.end);
  if (!empty && !reading.trimmed) return editor.selection;
  const rangeOf = (s: number, e: number) => new vscode.Range(doc.positionAt(s), doc.positionAt(e));
  type Item = vscode.QuickPickItem & { range: vscode.Range };
  const items: Item[] = [];
  if (reading.trimmed) items.push({ label: 'Mark the claim without its dateline and attribution', description: short(text.slice(reading.start, reading.end)), range: rangeOf(reading.start, reading.end) });
  items.push({ label: empty ? 'Mark this sentence as a claim' : 'Keep your selection', description: short(text.slice(own.start, own.end)), range: rangeOf(own.start, own.end) });
  const picked = await steps.pick(items, { title: empty ? 'Sift: no selection' : 'Sift: mark claim: span' });
  return picked?.range;
}

function markClaim(sv: Services): vscode.Disposable {
  return registerCommand(Commands.markClaim, async (): Promise<ClaimAnnotation | undefined> => {
    const t = activeArticle(sv.sessions);
    const range = t && await claimRange(t.editor, sv.steps);
    if (!t || !range) return undefined;
    const { editor: { document: doc }, session } = t;
    const { options, attribution } = sourceOptions(sv, doc, session, doc.offsetAt(range.start), doc.offsetAt(range.end));
    const source = await pickSource(options, 'Sift: mark claim', sv.steps);
    if (!source) return undefined;
    const confidence = await pickConfidence(setting('confidenceLevels'), sv.memento.get<number>(LAST_CONFIDENCE), 'Sift: mark claim', sv.steps);
    if (confidence === undefined) return undefined;
    const note = setting('claims.askForNote') ? await askNote() : '';
    if (note === undefined) return undefined;
    await sv.memento.update(LAST_CONFIDENCE, confidence);
    const { index } = session.article;
    return sv.sessions.mutate(session, () => session.addClaim({
      ...rangeToSpan(doc, range),
      source: { name: source.name, ...(source.span ? { span: { ...source.span, quote: '' } } : {}) },
      confidence,
      ...(attribution.cue ? { cue: { start: index.toCp(attribution.cue.start), end: index.toCp(attribution.cue.end), quote: '' } } : {}),
      factuality: attribution.factuality,
      ...(note ? { note } : {}),
    }), 'mark claim');
  });
}

/** Asks for a new value of one field of the claim and writes it; undefined when cancelled. */
async function editField(sv: Services, t: ClaimTarget, field: string): Promise<ClaimAnnotation | undefined> {
  const { session, claim } = t;
  const update = (patch: Partial<ClaimAnnotation>, what: string) => sv.sessions.mutate(session, () => session.update(claim.id, patch), `edit claim ${what}`) as ClaimAnnotation;
  if (field === 'Source') {
    const { index } = session.article;
    const { options } = sourceOptions(sv, t.editor.document, session, index.toUtf16(claim.start), index.toUtf16(claim.end));
    const s = await pickSource(options, 'Sift: edit claim', sv.steps);
    return s && update({ source: { name: s.name, ...(s.span ? { span: session.article.subSpan(s.span.start, s.span.end) } : {}) } }, 'source');
  }
  if (field === 'Confidence') {
    const c = await pickConfidence(setting('confidenceLevels'), claim.confidence, 'Sift: edit claim', sv.steps);
    return c === undefined ? undefined : update({ confidence: c }, 'confidence');
  }
  if (field === 'Factuality') {
    const f = await pickFactuality(claim.factuality);
    return f === undefined ? undefined : update({ factuality: f }, 'factuality');
  }
  const note = await askNote(claim.note);
  return note === undefined ? undefined : update({ note: note || undefined }, 'note');
}

function editClaim(sv: Services): vscode.Disposable {
  return registerCommand(Commands.editClaim, async (id?: string) => {
    const t = claimAt(sv.sessions, id);
    if (!t) return undefined;
    const { claim } = t;
    const field = await sv.steps.pick([
      { label: 'Source', description: claim.source.name },
      { label: 'Confidence', description: String(claim.confidence) },
      { label: 'Factuality', description: claim.factuality ?? 'unknown' },
      { label: 'Note', description: claim.note ?? '' },
    ], { title: `Sift: edit claim "${short(claim.quote, 40)}"` });
    return field && editField(sv, t, field.label);
  });
}

function respanClaim({ sessions }: Services): vscode.Disposable {
  return registerCommand(Commands.respanClaim, (id?: string) => {
    const t = claimAt(sessions, id);
    if (!t) return undefined;
    if (t.editor.selection.isEmpty) {
      void vscode.window.showInformationMessage('Sift: select the claim\'s new text, then run Re-span again.');
      return undefined;
    }
    return sessions.mutate(t.session, () => t.session.update(t.claim.id, rangeToSpan(t.editor.document, t.editor.selection)), 're-span claim');
  });
}

function undo({ sessions }: Services): vscode.Disposable {
  return registerCommand(Commands.undo, () => {
    const what = sessions.undoLast();
    void vscode.window.setStatusBarMessage(what ? `Sift: undid ${what}` : 'Sift: nothing to undo', 3000);
    return what;
  });
}

/** The lightbulb on a selection in an article: Mark claim…, Label as entity…. */
function selectionActions({ sessions }: Services): vscode.Disposable {
  const kind = vscode.CodeActionKind.Refactor.append('sift');
  return vscode.languages.registerCodeActionsProvider(sessions.selector, {
    provideCodeActions(doc, range) {
      if (range.isEmpty || !sessions.get(doc)) return [];
      const a = new vscode.CodeAction('Sift: Mark claim…', kind);
      a.command = commandOf(Commands.markClaim, 'Mark claim');
      const e = new vscode.CodeAction('Sift: Label as entity…', kind);
      e.command = commandOf(Commands.labelSelection, 'Label as entity');
      return [a, e];
    },
  }, { providedCodeActionKinds: [kind] });
}

export function registerClaimCommands(sv: Services): vscode.Disposable[] {
  return [markClaim(sv), editClaim(sv), respanClaim(sv), undo(sv), selectionActions(sv)];
}
