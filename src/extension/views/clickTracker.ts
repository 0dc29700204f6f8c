// Tells single clicks from double clicks on view nodes: VS Code runs a tree item's command on each
// click (and on Enter) and says nothing about double clicks. No `vscode` here (unit-tested).

/** Two activations of the same node within this many milliseconds are a double click. */
export const DOUBLE_CLICK_MS = 500;

/** Tells single clicks from double clicks on view nodes (VS Code runs the node's command on each click). */
export class ClickTracker {
  private lastKey: string | undefined;
  private lastTime = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** True when this activation of `key` is the second of a double click. */
  isDouble(key: string): boolean {
    const t = this.now();
    const double = this.lastKey === key && t - this.lastTime <= DOUBLE_CLICK_MS;
    // A third click starts a new pair.
    this.lastKey = double ? undefined : key;
    this.lastTime = t;
    return double;
  }
}
