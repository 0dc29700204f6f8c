// Every command id of the extension, in one place (package.json contributes the same ids; an
// integration test checks that each contributed command is registered).
/** The commands of the workspace's collection (registered by collection/collectionCommands.ts). */
export const COLLECTION_CMD = {
  openInCollection: 'editorialReview.openInCollection',
  compareAcrossFiles: 'editorialReview.compareAcrossFiles',
  removeInOtherFile: 'editorialReview.removeInOtherFile',
  stopIndexing: 'editorialReview.stopIndexing',
  rebuildIndex: 'editorialReview.rebuildCollectionIndex',
} as const;

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
  turnOffForFile: 'editorialReview.turnOffForFile',
  turnOnForFile: 'editorialReview.turnOnForFile',
  // Articles view
  filterArticles: 'editorialReview.filterArticles',
  /** On a repeated article: what its repeat's fix removes. */
  removeArticle: 'editorialReview.removeArticle',
  /** On any other article: the whole article, asked first when it holds lines found nowhere else. */
  deleteArticle: 'editorialReview.deleteArticle',
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
  disableRule: 'editorialReview.disableRule',
  ...COLLECTION_CMD,
} as const;

export type CommandId = (typeof CMD)[keyof typeof CMD];
