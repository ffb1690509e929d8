// Every command id Sift registers, in one typed map. No `vscode` here: a unit test holds this map equal to
// package.json's contributes.commands (both ways), and another checks that src/extension spells no id by hand.

export const Commands = {
  // Entities by hand (commands/entityCommands.ts)
  labelSelection: 'sift.labelSelection',
  deleteAnnotation: 'sift.deleteAnnotation',
  relabelAnnotation: 'sift.relabelAnnotation',
  openSidecar: 'sift.openSidecar',
  // Who annotates, the log (main.ts, platform/log.ts)
  switchAnnotator: 'sift.switchAnnotator',
  showLog: 'sift.showLog',
  // Orphans (views/orphans.ts)
  reattachOrphan: 'sift.reattachOrphan',
  deleteOrphan: 'sift.deleteOrphan',
  // Suggestions and the gazetteer (commands/suggestionCommands.ts, views/suggestions.ts, commands/aliasCommand.ts)
  acceptSuggestion: 'sift.acceptSuggestion',
  changeSuggestionLabel: 'sift.changeSuggestionLabel',
  rejectSuggestion: 'sift.rejectSuggestion',
  acceptAllOfLabel: 'sift.acceptAllOfLabel',
  acceptEverywhere: 'sift.acceptEverywhere',
  toggleSuggestions: 'sift.toggleSuggestions',
  setReferenceDate: 'sift.setReferenceDate',
  addAlias: 'sift.addAlias',
  // Claims (commands/claimCommands.ts, commands/claimLinks.ts)
  markClaim: 'sift.markClaim',
  editClaim: 'sift.editClaim',
  respanClaim: 'sift.respanClaim',
  linkClaim: 'sift.linkClaim',
  showLinkedClaims: 'sift.showLinkedClaims',
  undo: 'sift.undo',
  // The Sift view and moving through an article (commands/treeCommands.ts)
  nextAnnotation: 'sift.nextAnnotation',
  previousAnnotation: 'sift.previousAnnotation',
  filterTree: 'sift.filterTree',
  clearTreeFilter: 'sift.clearTreeFilter',
  revealAnnotation: 'sift.revealAnnotation',
  editFromTree: 'sift.editFromTree',
  deleteFromTree: 'sift.deleteFromTree',
  // Export (commands/exportCommand.ts)
  exportDataset: 'sift.exportDataset',
  // Review and adjudication (commands/reviewCommands.ts, views/review*.ts)
  reviewArticle: 'sift.reviewArticle',
  stopReview: 'sift.stopReview',
  nextDisagreement: 'sift.nextDisagreement',
  previousDisagreement: 'sift.previousDisagreement',
  adjudicateUnit: 'sift.adjudicateUnit',
  rejectUnit: 'sift.rejectUnit',
  revealUnit: 'sift.revealUnit',
  mergeAgreed: 'sift.mergeAgreed',
  acceptAllFromAnnotator: 'sift.acceptAllFromAnnotator',
  compareWithGold: 'sift.compareWithGold',
  markFinished: 'sift.markFinished',
  setGoldStatus: 'sift.setGoldStatus',
  // Discussion on any annotation (commands/discussionCommands.ts, views/discussion.ts)
  discussAnnotation: 'sift.discussAnnotation',
  replyComment: 'sift.replyComment',
  editComment: 'sift.editComment',
  saveComment: 'sift.saveComment',
  cancelEditComment: 'sift.cancelEditComment',
  deleteComment: 'sift.deleteComment',
  resolveThread: 'sift.resolveThread',
  reopenThread: 'sift.reopenThread',
  // Inter-annotator agreement report (commands/agreementCommand.ts, views/agreement/)
  showAgreement: 'sift.showAgreement',
  // Team work over git (commands/gitSetup.ts)
  setUpGit: 'sift.setUpGit',
} as const;

export type CommandName = keyof typeof Commands;
export type CommandId = (typeof Commands)[CommandName];

/**
 * Ids registered but deliberately not contributed in package.json (reached only from code, links or tests).
 * Empty today: every command Sift registers is also contributed.
 */
export const INTERNAL_COMMANDS: ReadonlySet<CommandId> = new Set<CommandId>([]);

/** VS Code's own commands that Sift executes. */
export const BuiltinCommands = {
  setContext: 'setContext',
  revealInExplorer: 'revealInExplorer',
  open: 'vscode.open',
} as const;

export type BuiltinCommandId = (typeof BuiltinCommands)[keyof typeof BuiltinCommands];
