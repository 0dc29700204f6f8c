// Every command id of the extension, in one place (package.json contributes the same ids; an
// integration test checks that each contributed command is registered).
export const CMD = {
  // Palette
  reviewFile: 'editorialReview.reviewFile',
  reviewAgain: 'editorialReview.reviewAgain',
  reviewWorkspace: 'editorialReview.reviewWorkspace',
  removeAllRepeatedPassages: 'editorialReview.removeAllRepeatedPassages',
  exportReport: 'editorialReview.exportReport',
  showArticles: 'editorialReview.showArticles',
  showMap: 'editorialReview.showMap',
  clearProblems: 'editorialReview.clearProblems',
  openConfigFile: 'editorialReview.openConfigFile',
  nextFinding: 'editorialReview.nextFinding',
  previousFinding: 'editorialReview.previousFinding',
  nextRepeatedArticle: 'editorialReview.nextRepeatedArticle',
  previousRepeatedArticle: 'editorialReview.previousRepeatedArticle',
  // Articles view
  filterArticles: 'editorialReview.filterArticles',
  removeArticle: 'editorialReview.removeArticle',
  copyArticle: 'editorialReview.copyArticle',
  selectArticle: 'editorialReview.selectArticle',
  /** A click on a node: reveals, cursor at the start, focus stays in the view (a double click selects). */
  openNode: 'editorialReview.openNode',
  revealRange: 'editorialReview.revealRange',
  // Quick fixes and hovers
  applyEdits: 'editorialReview.applyEdits',
  showOriginal: 'editorialReview.showOriginal',
  compareWithOriginal: 'editorialReview.compareWithOriginal',
  ignoreTerm: 'editorialReview.ignoreTerm',
  ignoreCue: 'editorialReview.ignoreCue',
  ignoreOccurrence: 'editorialReview.ignoreOccurrence',
  undoIgnore: 'editorialReview.undoIgnore',
} as const;

export type CommandId = (typeof CMD)[keyof typeof CMD];
