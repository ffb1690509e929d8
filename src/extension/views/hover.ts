// Hovers on suggestions and confirmed entities: the label, a date's value and reference, the canonical name, and
// one-click actions.
import * as vscode from 'vscode';
import { isoDay } from '../../core/detect/dates';
import { Suggestion } from '../../core/detect/detector';
import { ClaimAnnotation, EntityAnnotation } from '../../core/model';
import { Commands } from '../platform/commandIds';
import { commandLink as link } from '../platform/commands';
import { positionToCp, spanToRange } from '../platform/positions';
import { Sessions } from '../state/sessions';
import { suggestionRef } from '../commands/suggestionCommands';
import { Suggestions } from './suggestions';

const HOW: Record<string, string> = {
  lexicon: 'a built-in word list', gazetteer: 'the workspace gazetteer', learned: 'a string annotators labelled', rule: 'name rules',
  context: 'the words around it', document: 'another mention in this article', date: 'date rules',
};

/** The commands a hover's links may run. */
const ENABLED: string[] = [Commands.editClaim, Commands.respanClaim, Commands.linkClaim, Commands.showLinkedClaims, Commands.acceptSuggestion,
  Commands.changeSuggestionLabel, Commands.rejectSuggestion, Commands.acceptEverywhere, Commands.relabelAnnotation, Commands.deleteAnnotation,
  Commands.setReferenceDate];

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

export class SiftHover implements vscode.HoverProvider {
  constructor(private readonly sessions: Sessions, private readonly suggestions: Suggestions) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const session = this.sessions.get(doc);
    if (!session) return undefined;
    const cp = positionToCp(doc, pos);
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: ENABLED };
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
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: ENABLED };
    md.appendMarkdown(`**Claim** · by ${annotator}\n\n`);
    md.appendMarkdown(`Source: **${escape(c.source.name)}**${c.source.span ? ' (named in the text)' : ''}\n\n`);
    md.appendMarkdown(`Confidence: \`${c.confidence}\` · factuality: \`${c.factuality ?? 'unknown'}\`${c.cue ? ` · cue: "${escape(c.cue.quote)}"` : ''}\n\n`);
    if (c.note) md.appendMarkdown(`Note: ${escape(c.note)}\n\n`);
    if (c.links?.length) md.appendMarkdown(`Links: ${c.links.map((l) => `${l.relation} → ${escape(l.article)}${l.quote ? ` "${escape(l.quote.slice(0, 40))}"` : ''}`).join('; ')}\n\n`);
    md.appendMarkdown([link('Edit…', Commands.editClaim, c.id), link('Re-span to selection', Commands.respanClaim, c.id), link('Link…', Commands.linkClaim, c.id),
      link('Linked claims', Commands.showLinkedClaims, c.id), link('Delete', Commands.deleteAnnotation, c.id)].join(' · '));
    return md;
  }

  private entity(md: vscode.MarkdownString, e: EntityAnnotation, annotator: string): vscode.MarkdownString {
    md.appendMarkdown(`**${e.label}** · confirmed by ${annotator}\n\n`);
    if (e.value) md.appendMarkdown(`Value: \`${e.value}\`\n\n`);
    if (e.canonical && e.canonical !== e.quote) md.appendMarkdown(`Canonical name: **${e.canonical}**\n\n`);
    if (e.note) md.appendMarkdown(`Note: ${e.note}\n\n`);
    md.appendMarkdown([link('Change label…', Commands.relabelAnnotation, e.id), link('Delete', Commands.deleteAnnotation, e.id)].join(' · '));
    return md;
  }

  private suggestion(md: vscode.MarkdownString, doc: vscode.TextDocument, s: Suggestion): vscode.MarkdownString {
    md.appendMarkdown(`**${s.label}** · suggestion (from ${HOW[s.how] ?? s.how})\n\n`);
    if (s.value) {
      const ref = this.suggestions.reference(doc);
      const from = ref?.source === 'sidecar' ? 'publication date' : ref?.source === 'article' ? 'date in the article' : 'file date';
      md.appendMarkdown(`Value: \`${s.value}\`${ref ? ` · reference ${isoDay(ref.date)} (${from}) ${link('set…', Commands.setReferenceDate)}` : ''}\n\n`);
    }
    if (s.canonical && s.canonical !== s.text) md.appendMarkdown(`Canonical name: **${s.canonical}**\n\n`);
    const ref = suggestionRef(doc, s);
    md.appendMarkdown([
      link('Accept', Commands.acceptSuggestion, ref),
      link('Change label…', Commands.changeSuggestionLabel, ref),
      link('Reject', Commands.rejectSuggestion, ref),
      link('Accept everywhere', Commands.acceptEverywhere, ref),
    ].join(' · '));
    return md;
  }
}
