import * as assert from 'node:assert/strict';
import { ClickTracker, DOUBLE_CLICK_MS } from '../../src/extension/views/clickTracker';

describe('ClickTracker (tree clicks)', () => {
  it('calls two activations of one node in quick succession a double click, and a third a new single click', () => {
    let t = 1000;
    const clicks = new ClickTracker(() => t);
    assert.equal(clicks.isDouble('a'), false);
    t += DOUBLE_CLICK_MS - 1;
    assert.equal(clicks.isDouble('a'), true);
    t += 10;
    assert.equal(clicks.isDouble('a'), false, 'a third click starts a new pair');
  });

  it('never pairs clicks on different nodes or slow clicks', () => {
    let t = 0;
    const clicks = new ClickTracker(() => t);
    clicks.isDouble('a');
    t += 100;
    assert.equal(clicks.isDouble('b'), false);
    t += DOUBLE_CLICK_MS + 1;
    assert.equal(clicks.isDouble('b'), false);
  });
});
