// Hovers on suggestions and confirmed entities: the label, a date's value and reference, the canonical name, and
// one-click actions. Every string from data (sidecars, the gazetteer, the article) goes through escapeMarkdown; the only
// links are Sift's own actions, and each hover trusts exactly the commands it links to. Restricted Mode: no links.
import * as vscode from 'vscode';
import { isoDay } from '../../core/detect/dates';
import { Suggestion } from '../../core/detect/detector';
import { ClaimAnnotation, EntityAnnotation } from '../../core/model';
import { CommandId, Commands } from '../platform/commandIds';
import { commandLink as link } from '../platform/commands';
import { escapeMarkdown } from '../platform/markdown';
import { positionToCp, spanToRange } from '../platform/positions';
import { Sessions } from '../state/sessions';
import { suggestionRef } from '../commands/suggestionCommands';
import { Suggestions } from './suggestions';

const HOW: Record<string, string> = {
  lexicon: 'a built-in word list', gazetteer: 'the workspace gazetteer', learned: 'a string annotators labelled', rule: 'name rules',
  context: 'the words around it', document: 'another mention in this article', date: 'date rules',
};

/** An action link: its title, the Sift command it runs, and that command's one argument (if any). */
export type Action = readonly [title: string, id: CommandId, arg?: unknown];

/** A hover's Markdown: no HTML, no theme icons, and trusted for no command until Sift's own actions are appended. */
export function newMarkdown(): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.supportHtml = false;
  md.supportThemeIcons = false;
  md.isTrusted = false;
  return md;
}

/**
 * Appends Sift's own action links and trusts exactly their commands (`enabledCommands`, never `true`). In Restricted
 * Mode (an untrusted workspace) hovers are display-only: no link, no trust, and, unless `quiet`, a line that says so.
 */
export function appendActions(md: vscode.MarkdownString, actions: readonly Action[], quiet = false): void {
  if (!vscode.workspace.isTrusted) {
    if (!quiet) md.appendMarkdown('_Restricted Mode: actions are off in this hover; trust the workspace, or run Sift\'s commands from the Command Palette._');
    return;
  }
  md.appendMarkdown(actions.map(([title, id, arg]) => link(title, id, ...(arg === undefined ? [] : [arg]))).join(' · '));
  const enabled = new Set(typeof md.isTrusted === 'object' ? md.isTrusted.enabledCommands : []);
  for (const [, id] of actions) enabled.add(id);
  md.isTrusted = { enabledCommands: [...enabled] };
}

/** Data (from sidecars, the gazetteer, the article, settings) as Markdown text. */
const t = (s: string | number): string => escapeMarkdown(String(s));

export class SiftHover implements vscode.HoverProvider {
  constructor(private readonly sessions: Sessions, private readonly suggestions: Suggestions) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const session = this.sessions.get(doc);
    if (!session) return undefined;
    const cp = positionToCp(doc, pos);
    const md = newMarkdown();
    const claim = session.layer.claims.find((c) => !c.orphaned && c.start <= cp && cp < c.end);
    const parts: vscode.MarkdownString[] = [];
    if (claim) parts.push(this.claim(claim, session.annotator));
    const entity = session.layer.entities.find((e) => !e.orphaned && e.start <= cp && cp < e.end);
    if (claim && !entity) return new vscode.Hover(parts, spanToRange(doc, claim.start, claim.end));
    if (entity) return new vscode.Hover([this.entity(md, entity, session.annotator), ...parts], spanToRange(doc, entity.start, entity.end));
    const s = this.suggestions.at(doc, cp);
    if (s && cp < s.end) return new vscode.Hover([this.suggestion(md, doc, s), ...parts], spanToRange(doc, s.start, s.end));
    return parts.length ? new vscode.Hover(parts) : undefined;
  }

  private claim(c: ClaimAnnotation, annotator: string): vscode.MarkdownString {
    const md = newMarkdown();
    md.appendMarkdown(`**Claim** · by ${t(annotator)}\n\n`);
    md.appendMarkdown(`Source: **${t(c.source.name)}**${c.source.span ? ' (named in the text)' : ''}\n\n`);
    md.appendMarkdown(`Confidence: ${t(c.confidence)} · factuality: ${t(c.factuality ?? 'unknown')}${c.cue ? ` · cue: "${t(c.cue.quote)}"` : ''}\n\n`);
    if (c.note) md.appendMarkdown(`Note: ${t(c.note)}\n\n`);
    if (c.links?.length) md.appendMarkdown(`Links: ${c.links.map((l) => `${t(l.relation)} → ${t(l.article)}${l.quote ? ` "${t(l.quote.slice(0, 40))}"` : ''}`).join('; ')}\n\n`);
    appendActions(md, [['Edit…', Commands.editClaim, c.id], ['Re-span to selection', Commands.respanClaim, c.id], ['Link…', Commands.linkClaim, c.id],
      ['Linked claims', Commands.showLinkedClaims, c.id], ['Delete', Commands.deleteAnnotation, c.id]]);
    return md;
  }

  private entity(md: vscode.MarkdownString, e: EntityAnnotation, annotator: string): vscode.MarkdownString {
    md.appendMarkdown(`**${t(e.label)}** · confirmed by ${t(annotator)}\n\n`);
    if (e.value) md.appendMarkdown(`Value: ${t(e.value)}\n\n`);
    if (e.canonical && e.canonical !== e.quote) md.appendMarkdown(`Canonical name: **${t(e.canonical)}**\n\n`);
    if (e.note) md.appendMarkdown(`Note: ${t(e.note)}\n\n`);
    appendActions(md, [['Change label…', Commands.relabelAnnotation, e.id], ['Delete', Commands.deleteAnnotation, e.id]]);
    return md;
  }

  private suggestion(md: vscode.MarkdownString, doc: vscode.TextDocument, s: Suggestion): vscode.MarkdownString {
    md.appendMarkdown(`**${t(s.label)}** · suggestion (from ${t(HOW[s.how] ?? s.how)})\n\n`);
    if (s.value) {
      const ref = this.suggestions.reference(doc);
      const from = ref?.source === 'sidecar' ? 'publication date' : ref?.source === 'article' ? 'date in the article' : 'file date';
      md.appendMarkdown(`Value: ${t(s.value)}${ref ? ` · reference ${t(isoDay(ref.date))} (${from}) ` : ''}`);
      if (ref) appendActions(md, [['set…', Commands.setReferenceDate]], true);
      md.appendMarkdown('\n\n');
    }
    if (s.canonical && s.canonical !== s.text) md.appendMarkdown(`Canonical name: **${t(s.canonical)}**\n\n`);
    const ref = suggestionRef(doc, s);
    appendActions(md, [['Accept', Commands.acceptSuggestion, ref], ['Change label…', Commands.changeSuggestionLabel, ref],
      ['Reject', Commands.rejectSuggestion, ref], ['Accept everywhere', Commands.acceptEverywhere, ref]]);
    return md;
  }
}
