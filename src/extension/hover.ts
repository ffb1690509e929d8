// Hovers on suggestions and confirmed entities: the label, a date's value and reference, the canonical name, and
// one-click actions.
import * as vscode from 'vscode';
import { isoDay } from '../core/detect/dates';
import { Suggestion } from '../core/detect/detector';
import { EntityAnnotation } from '../core/model';
import { positionToCp, spanToRange } from './positions';
import { Sessions } from './sessions';
import { suggestionRef } from './suggestionCommands';
import { Suggestions } from './suggestions';

const HOW: Record<string, string> = {
  lexicon: 'a built-in word list', gazetteer: 'the workspace gazetteer', learned: 'a string annotators labelled', rule: 'name rules',
  context: 'the words around it', document: 'another mention in this article', date: 'date rules',
};

const ENABLED = ['sift.acceptSuggestion', 'sift.changeSuggestionLabel', 'sift.rejectSuggestion', 'sift.acceptEverywhere', 'sift.relabelAnnotation', 'sift.deleteAnnotation', 'sift.setReferenceDate'];

function link(title: string, command: string, ...args: unknown[]): string {
  return `[${title}](command:${command}?${encodeURIComponent(JSON.stringify(args))} "${title}")`;
}

export class SiftHover implements vscode.HoverProvider {
  constructor(private readonly sessions: Sessions, private readonly suggestions: Suggestions) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const session = this.sessions.get(doc);
    if (!session) return undefined;
    const cp = positionToCp(doc, pos);
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: ENABLED };
    const entity = session.layer.entities.find((e) => !e.orphaned && e.start <= cp && cp < e.end);
    if (entity) return new vscode.Hover(this.entity(md, entity, session.annotator), spanToRange(doc, entity.start, entity.end));
    const s = this.suggestions.at(doc, cp);
    if (s && cp < s.end) return new vscode.Hover(this.suggestion(md, doc, s), spanToRange(doc, s.start, s.end));
    return undefined;
  }

  private entity(md: vscode.MarkdownString, e: EntityAnnotation, annotator: string): vscode.MarkdownString {
    md.appendMarkdown(`**${e.label}** · confirmed by ${annotator}\n\n`);
    if (e.value) md.appendMarkdown(`Value: \`${e.value}\`\n\n`);
    if (e.canonical && e.canonical !== e.quote) md.appendMarkdown(`Canonical name: **${e.canonical}**\n\n`);
    if (e.note) md.appendMarkdown(`Note: ${e.note}\n\n`);
    md.appendMarkdown([link('Change label…', 'sift.relabelAnnotation', e.id), link('Delete', 'sift.deleteAnnotation', e.id)].join(' · '));
    return md;
  }

  private suggestion(md: vscode.MarkdownString, doc: vscode.TextDocument, s: Suggestion): vscode.MarkdownString {
    md.appendMarkdown(`**${s.label}** · suggestion (from ${HOW[s.how] ?? s.how})\n\n`);
    if (s.value) {
      const ref = this.suggestions.reference(doc);
      const from = ref?.source === 'sidecar' ? 'publication date' : ref?.source === 'article' ? 'date in the article' : 'file date';
      md.appendMarkdown(`Value: \`${s.value}\`${ref ? ` · reference ${isoDay(ref.date)} (${from}) ${link('set…', 'sift.setReferenceDate')}` : ''}\n\n`);
    }
    if (s.canonical && s.canonical !== s.text) md.appendMarkdown(`Canonical name: **${s.canonical}**\n\n`);
    const ref = suggestionRef(doc, s);
    md.appendMarkdown([
      link('Accept', 'sift.acceptSuggestion', ref),
      link('Change label…', 'sift.changeSuggestionLabel', ref),
      link('Reject', 'sift.rejectSuggestion', ref),
      link('Accept everywhere', 'sift.acceptEverywhere', ref),
    ].join(' · '));
    return md;
  }
}
