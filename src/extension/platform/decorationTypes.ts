// The one place that creates TextEditorDecorationTypes. Every type is made once, on activation, and disposed with the
// extension; views only call setDecorations with the type they are handed.
import * as vscode from 'vscode';
import { BUILTIN_LABELS } from '../../core/model';
import { UNIT_STATES, UnitState } from '../../core/review/units';
import { Disposable } from './lifecycle';

/** Labels with a colour of their own; any other label is drawn as OTHER. */
const COLOURED = [...BUILTIN_LABELS, 'OTHER'] as const;

/** The theme colour key of a label: `sift.<label>Border`, `sift.<label>Background`. */
function colourKey(label: string): string {
  return (COLOURED as readonly string[]).includes(label) ? label.toLowerCase() : 'other';
}

export class DecorationTypes extends Disposable {
  /** Confirmed entities: a solid border and background in the label's colour. */
  private readonly entities = new Map<string, vscode.TextEditorDecorationType>();
  /** Suggestions: a dashed underline in the label's colour. */
  private readonly suggestions = new Map<string, vscode.TextEditorDecorationType>();
  /** Claims are underlined in their own colour, so an entity's background inside a claim stays readable. */
  readonly claim: vscode.TextEditorDecorationType;
  /** The first position of each claim gets the gutter icon (one per claim, not per line). */
  readonly claimGutter: vscode.TextEditorDecorationType;
  /** A claim's attribution cue (said, told, according to…): dotted. */
  readonly cue: vscode.TextEditorDecorationType;
  /** Review mode: one type per unit state (theme colours `sift.review<State>`), marked in the overview ruler. */
  readonly review: ReadonlyMap<UnitState, vscode.TextEditorDecorationType>;

  constructor(extensionUri: vscode.Uri) {
    super();
    for (const label of COLOURED) {
      this.entities.set(label, this.create(entityStyle(colourKey(label))));
      this.suggestions.set(label, this.create(suggestionStyle(colourKey(label))));
    }
    this.claim = this.create({
      textDecoration: 'underline wavy 1px var(--vscode-sift-claimUnderline)',
      overviewRulerColor: new vscode.ThemeColor('sift.claimUnderline'),
      overviewRulerLane: vscode.OverviewRulerLane.Left,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    });
    this.claimGutter = this.create({ gutterIconPath: vscode.Uri.joinPath(extensionUri, 'media', 'claim.svg'), gutterIconSize: 'contain' });
    this.cue = this.create({
      fontStyle: 'italic',
      borderStyle: 'none none dotted none',
      borderWidth: '0 0 1px 0',
      borderColor: new vscode.ThemeColor('sift.claimUnderline'),
    });
    this.review = new Map(UNIT_STATES.map((state) => [state, this.create(reviewStyle(state))]));
  }

  /** The key a label is drawn under: the label itself when it has a colour, else OTHER. */
  keyOf(label: string): string {
    return this.entities.has(label) ? label : 'OTHER';
  }

  /** Every entity type, by key (see keyOf). */
  entityTypes(): ReadonlyMap<string, vscode.TextEditorDecorationType> {
    return this.entities;
  }

  /** Every suggestion type, by key (see keyOf). */
  suggestionTypes(): ReadonlyMap<string, vscode.TextEditorDecorationType> {
    return this.suggestions;
  }

  private create(options: vscode.DecorationRenderOptions): vscode.TextEditorDecorationType {
    return this._register(vscode.window.createTextEditorDecorationType(options));
  }
}

function entityStyle(key: string): vscode.DecorationRenderOptions {
  return {
    backgroundColor: new vscode.ThemeColor(`sift.${key}Background`),
    border: '1px solid',
    borderColor: new vscode.ThemeColor(`sift.${key}Border`),
    borderRadius: '2px',
    overviewRulerColor: new vscode.ThemeColor(`sift.${key}Border`),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  };
}

function suggestionStyle(key: string): vscode.DecorationRenderOptions {
  return {
    borderStyle: 'none none dashed none',
    borderWidth: '0 0 1.5px 0',
    borderColor: new vscode.ThemeColor(`sift.${key}Border`),
    backgroundColor: new vscode.ThemeColor('sift.suggestionBackground'),
    overviewRulerColor: new vscode.ThemeColor(`sift.${key}Border`),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
  };
}

/** `label` -> `sift.reviewLabel`: the theme colour of a review unit state. */
export function reviewColour(state: UnitState): string {
  return `sift.review${state[0].toUpperCase()}${state.slice(1)}`;
}

/** Review units: open disagreements get a background and a full-lane ruler mark; decided ones only an underline. */
function reviewStyle(state: UnitState): vscode.DecorationRenderOptions {
  const colour = new vscode.ThemeColor(reviewColour(state));
  const open = state !== 'agreed' && state !== 'adjudicated';
  return {
    borderStyle: open ? 'none none solid none' : 'none none dotted none',
    borderWidth: '0 0 2px 0',
    borderColor: colour,
    ...(open ? { backgroundColor: new vscode.ThemeColor('sift.reviewOpenBackground') } : {}),
    overviewRulerColor: colour,
    overviewRulerLane: open ? vscode.OverviewRulerLane.Full : vscode.OverviewRulerLane.Left,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  };
}
