// The review hover: on a unit of an article under review, every compared layer's version side by side (who, label or
// claim features), what gold decided, and the actions (accept a version, reject, adjudicate…). Everything from data is
// escaped; the links are Sift's own commands, trusted one by one (none in Restricted Mode), as in views/hover.ts.
import * as vscode from 'vscode';
import { Unit } from '../../core/review/units';
import { Commands } from '../platform/commandIds';
import { escapeMarkdown } from '../platform/markdown';
import { positionToCp, spanToRange } from '../platform/positions';
import { Action, appendActions, newMarkdown } from './hover';
import { ReviewState } from './reviewModel';
import { STATE_TEXT, goldText, versionText } from './reviewText';

/** The argument of the review commands' links and tree items: which article's unit, and which version. */
export interface UnitRef {
  article: string;
  unit: string;
  /** A version's key (accept that version). */
  version?: string;
}

export class ReviewHover implements vscode.HoverProvider {
  constructor(private readonly review: ReviewState) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const article = doc.uri.fsPath;
    if (!this.review.get(article)) return undefined;
    const unit = this.review.unitAt(article, positionToCp(doc, pos));
    return unit && new vscode.Hover(this.markdown(article, unit), spanToRange(doc, unit.start, unit.end));
  }

  /** The hover's Markdown for one unit (also used by tests). */
  markdown(article: string, u: Unit): vscode.MarkdownString {
    const md = newMarkdown();
    const who = (a: string) => escapeMarkdown(this.review.displayName(article, a));
    md.appendMarkdown(`**Review** · ${escapeMarkdown(STATE_TEXT[u.state])}${u.state === 'adjudicated' ? ` (was: ${escapeMarkdown(STATE_TEXT[u.disagreement])})` : ''}\n\n`);
    md.appendMarkdown('| # | version | annotators |\n| --- | --- | --- |\n');
    u.versions.forEach((v, i) => md.appendMarkdown(`| ${i + 1} | ${escapeMarkdown(versionText(v))} | ${v.annotators.map(who).join(', ')} |\n`));
    if (u.missing.length) md.appendMarkdown(`| – | _nothing_ | ${u.missing.map(who).join(', ')} |\n`);
    md.appendMarkdown('\n');
    const notYet = this.review.get(article)?.notYet ?? [];
    if (notYet.length) md.appendMarkdown(`Not annotated yet (assigned): ${notYet.map(who).join(', ')}\n\n`);
    const gold = goldText(u);
    if (gold) md.appendMarkdown(`Gold: **${escapeMarkdown(gold)}**\n\n`);
    const ref = (version?: string): UnitRef => ({ article, unit: u.id, ...(version ? { version } : {}) });
    const actions: Action[] = u.versions.slice(0, 9).map((v, i) => [`Accept ${i + 1}`, Commands.adjudicateUnit, ref(v.key)] as const);
    actions.push(['Reject', Commands.rejectUnit, ref()], ['Adjudicate…', Commands.adjudicateUnit, ref()], ['Next disagreement', Commands.nextDisagreement]);
    appendActions(md, actions);
    return md;
  }
}
