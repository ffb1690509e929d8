// Claims from the keyboard: mark (selection or sentence), edit, re-span, link, show links, undo; plus the lightbulb.
import * as path from 'path';
import * as vscode from 'vscode';
import { suggestAttribution } from '../../core/detect/attribution';
import { sentenceAt } from '../../core/text/sentences';
import { ClaimAnnotation, ClaimLink, LINK_RELATIONS, LinkRelation } from '../../core/model';
import { ArticleSession } from '../../core/session/session';
import { askNote, pickConfidence, pickFactuality, pickSource, SourceOption, StepTracker } from './claimInput';
import { activeArticle } from './entityCommands';
import { WorkspaceClaim, WorkspaceKnowledge } from '../state/knowledge';
import { positionToCp, rangeToSpan, spanToRange } from '../platform/positions';
import { Sessions } from '../state/sessions';
import { Suggestions } from '../views/suggestions';

const LAST_CONFIDENCE = 'sift.lastConfidence';

function levels(): Record<string, number> {
  const v = vscode.workspace.getConfiguration('sift').get<Record<string, number>>('confidenceLevels');
  const ok = v && Object.values(v).every((x) => typeof x === 'number' && x >= 0 && x <= 1) && Object.keys(v).length > 0;
  return ok ? v : { low: 0.25, medium: 0.5, high: 0.75, certain: 1 };
}

function short(s: string, n = 60): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

/** The claim under the cursor (or named by id) in the active article. */
function claimAt(sessions: Sessions, id?: string): { editor: vscode.TextEditor; session: ArticleSession; claim: ClaimAnnotation } | undefined {
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

export function registerClaimCommands(sessions: Sessions, suggestions: Suggestions, knowledge: WorkspaceKnowledge, memento: vscode.Memento, tracker: StepTracker): vscode.Disposable[] {
  const sourceOptions = (doc: vscode.TextDocument, session: ArticleSession, u16Start: number, u16End: number) => {
    const { index } = session.article;
    const a = suggestAttribution(doc.getText(), u16Start, u16End);
    const options: SourceOption[] = [];
    const seen = new Set<string>();
    const add = (o: SourceOption) => { if (!seen.has(o.name.toLowerCase())) { seen.add(o.name.toLowerCase()); options.push(o); } };
    const cue = a.cue ? ` · cue "${a.cue.text}" · ${a.factuality}` : '';
    for (const s of [a.source, ...a.alternatives]) if (s) add({ name: s.name, span: { start: index.toCp(s.start), end: index.toCp(s.end) }, detail: `named in the text${cue}`, group: 'attribution' });
    const names = [...session.layer.entities, ...suggestions.visible(doc).map((s) => ({ quote: s.text, label: s.label }))]
      .filter((e) => e.label === 'PERSON' || e.label === 'ORG').map((e) => e.quote);
    for (const n of names) add({ name: n, group: 'article' });
    for (const n of knowledge.sources()) add({ name: n, group: 'workspace' });
    return { options, attribution: a };
  };

  return [
    vscode.commands.registerCommand('sift.markClaim', async (): Promise<ClaimAnnotation | undefined> => {
      const t = activeArticle(sessions);
      if (!t) return undefined;
      const { editor, session } = t;
      const doc = editor.document;
      let range: vscode.Range = editor.selection;
      if (range.isEmpty) {
        const s = sentenceAt(doc.getText(), doc.offsetAt(editor.selection.active));
        range = new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end));
        const ok = await vscode.window.showQuickPick([{ label: 'Mark this sentence as a claim', description: short(doc.getText(range)) }], { title: 'Sift: no selection' });
        if (!ok) return undefined;
      }
      const { options, attribution } = sourceOptions(doc, session, doc.offsetAt(range.start), doc.offsetAt(range.end));
      const source = await pickSource(options, 'Sift: mark claim', tracker);
      if (!source) return undefined;
      const confidence = await pickConfidence(levels(), memento.get<number>(LAST_CONFIDENCE), 'Sift: mark claim', tracker);
      if (confidence === undefined) return undefined;
      let note: string | undefined;
      if (vscode.workspace.getConfiguration('sift').get<boolean>('claims.askForNote', false)) {
        note = await askNote();
        if (note === undefined) return undefined;
      }
      await memento.update(LAST_CONFIDENCE, confidence);
      const span = rangeToSpan(doc, range);
      const { index } = session.article;
      const claim = sessions.mutate(session, () => session.addClaim({
        ...span,
        source: { name: source.name, ...(source.span ? { span: { ...source.span, quote: '' } } : {}) },
        confidence,
        ...(attribution.cue ? { cue: { start: index.toCp(attribution.cue.start), end: index.toCp(attribution.cue.end), quote: '' } } : {}),
        factuality: attribution.factuality,
        ...(note ? { note } : {}),
      }), 'mark claim');
      return claim;
    }),

    vscode.commands.registerCommand('sift.editClaim', async (id?: string) => {
      const t = claimAt(sessions, id);
      if (!t) return undefined;
      const { session, claim } = t;
      const field = await vscode.window.showQuickPick([
        { label: 'Source', description: claim.source.name },
        { label: 'Confidence', description: String(claim.confidence) },
        { label: 'Factuality', description: claim.factuality ?? 'unknown' },
        { label: 'Note', description: claim.note ?? '' },
      ], { title: `Sift: edit claim "${short(claim.quote, 40)}"` });
      if (!field) return undefined;
      if (field.label === 'Source') {
        const doc = t.editor.document;
        const { options } = sourceOptions(doc, session, session.article.index.toUtf16(claim.start), session.article.index.toUtf16(claim.end));
        const s = await pickSource(options, 'Sift: edit claim', tracker);
        if (!s) return undefined;
        return sessions.mutate(session, () => session.update(claim.id, { source: { name: s.name, ...(s.span ? { span: session.article.subSpan(s.span.start, s.span.end) } : {}) } }), 'edit claim source');
      }
      if (field.label === 'Confidence') {
        const c = await pickConfidence(levels(), claim.confidence, 'Sift: edit claim', tracker);
        return c === undefined ? undefined : sessions.mutate(session, () => session.update(claim.id, { confidence: c }), 'edit claim confidence');
      }
      if (field.label === 'Factuality') {
        const f = await pickFactuality(claim.factuality);
        return f === undefined ? undefined : sessions.mutate(session, () => session.update(claim.id, { factuality: f }), 'edit claim factuality');
      }
      const note = await askNote(claim.note);
      return note === undefined ? undefined : sessions.mutate(session, () => session.update(claim.id, { note: note || undefined }), 'edit claim note');
    }),

    vscode.commands.registerCommand('sift.respanClaim', (id?: string) => {
      const t = claimAt(sessions, id);
      if (!t) return undefined;
      if (t.editor.selection.isEmpty) {
        void vscode.window.showInformationMessage('Sift: select the claim\'s new text, then run Re-span again.');
        return undefined;
      }
      return sessions.mutate(t.session, () => t.session.update(t.claim.id, rangeToSpan(t.editor.document, t.editor.selection)), 're-span claim');
    }),

    vscode.commands.registerCommand('sift.linkClaim', async (id?: string, target?: { article: string; claim: string }, relation?: LinkRelation) => {
      const t = claimAt(sessions, id);
      if (!t) return undefined;
      sessions.flushAll();
      await knowledge.refresh();
      const all = knowledge.claims.filter((c) => c.claim.id !== t.claim.id);
      let chosen: WorkspaceClaim | undefined = target && all.find((c) => c.article === target.article && c.claim.id === target.claim);
      if (!chosen) {
        const pick = await vscode.window.showQuickPick(all.map((c) => ({
          label: short(c.claim.quote), description: `${c.claim.source.name} · ${vscode.workspace.asRelativePath(c.article)}`, detail: `by ${c.annotator}`, c,
        })), { title: 'Sift: link this claim to…', matchOnDescription: true, matchOnDetail: true });
        chosen = pick?.c;
      }
      if (!chosen) return undefined;
      const rel = relation ?? (await vscode.window.showQuickPick([...LINK_RELATIONS], { title: 'Sift: relation' })) as LinkRelation | undefined;
      if (!rel) return undefined;
      const link: ClaimLink = { relation: rel, article: path.relative(path.dirname(t.session.articlePath), chosen.article) || path.basename(chosen.article), claim: chosen.claim.id, quote: chosen.claim.quote };
      const links = [...(t.claim.links ?? []).filter((l) => !(l.article === link.article && l.claim === link.claim)), link];
      return sessions.mutate(t.session, () => t.session.update(t.claim.id, { links }), 'link claim');
    }),

    vscode.commands.registerCommand('sift.showLinkedClaims', async (id?: string) => {
      const t = claimAt(sessions, id);
      if (!t) return [];
      sessions.flushAll();
      await knowledge.refresh();
      const here = t.session.articlePath;
      const resolve = (from: string, l: ClaimLink) => {
        const article = path.resolve(path.dirname(from), l.article);
        return knowledge.claims.find((c) => c.article === article && c.claim.id === l.claim)
          ?? knowledge.claims.find((c) => c.article === article && l.quote !== undefined && c.claim.quote === l.quote);
      };
      const outgoing = (t.claim.links ?? []).map((l) => ({ rel: l.relation, c: resolve(here, l), dir: '→' }));
      const incoming = knowledge.claims.flatMap((c) => (c.claim.links ?? []).filter((l) => resolve(c.article, l)?.claim.id === t.claim.id && resolve(c.article, l)?.article === here).map((l) => ({ rel: l.relation, c, dir: '←' })));
      const items = [...outgoing, ...incoming].filter((x) => x.c).map((x) => ({
        label: `${x.dir} ${x.rel}: ${short(x.c!.claim.quote)}`, description: `${x.c!.claim.source.name} · ${vscode.workspace.asRelativePath(x.c!.article)}`, c: x.c!,
      }));
      if (!items.length) {
        void vscode.window.showInformationMessage('Sift: this claim has no links yet. Use Sift: Link Claim.');
        return [];
      }
      const pick = await vscode.window.showQuickPick(items, { title: `Sift: claims linked to "${short(t.claim.quote, 40)}"` });
      if (pick) {
        const doc = await vscode.workspace.openTextDocument(pick.c.article);
        const ed = await vscode.window.showTextDocument(doc);
        const r = spanToRange(doc, pick.c.claim.start, pick.c.claim.end);
        ed.selection = new vscode.Selection(r.start, r.end);
        ed.revealRange(r, vscode.TextEditorRevealType.InCenter);
      }
      return items.map((i) => i.label);
    }),

    vscode.commands.registerCommand('sift.undo', () => {
      const what = sessions.undoLast();
      void vscode.window.setStatusBarMessage(what ? `Sift: undid ${what}` : 'Sift: nothing to undo', 3000);
      return what;
    }),

    vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, {
      provideCodeActions(doc, range) {
        if (range.isEmpty || !sessions.get(doc)) return [];
        const a = new vscode.CodeAction('Sift: Mark claim…', vscode.CodeActionKind.Refactor.append('sift'));
        a.command = { command: 'sift.markClaim', title: 'Mark claim' };
        const e = new vscode.CodeAction('Sift: Label as entity…', vscode.CodeActionKind.Refactor.append('sift'));
        e.command = { command: 'sift.labelSelection', title: 'Label as entity' };
        return [a, e];
      },
    }, { providedCodeActionKinds: [vscode.CodeActionKind.Refactor.append('sift')] }),
  ];
}
