import * as assert from 'node:assert/strict';
import { applyEdits } from '../../src/core/review/fixes';
import { ofRule, reviewWith, textOf } from './helpers';

function claims(text: string, change?: Parameters<typeof reviewWith>[1]) {
  return ofRule(reviewWith(text, change), 'unattributed-claim').map(f => textOf(text, f));
}

describe('unattributed-claim', () => {
  it('flags hedges wherever they stand outside a named speaker\u2019s quote', () => {
    assert.deepEqual(claims('The minister reportedly resigned on Friday.'), ['reportedly']);
    assert.deepEqual(claims('The mayor allegedly took bribes, the prosecutor said.'), ['allegedly']);
    assert.deepEqual(claims('The company is said to be considering a sale.'), ['is said to']);
    assert.deepEqual(claims('According to reports, the deal collapsed.'), ['According to reports']);
  });

  it('flags vague sources only when the sentence names no source', () => {
    assert.deepEqual(claims('Media reports indicated that the talks had stalled.'), ['Media reports indicated']);
    assert.deepEqual(claims('Sources say the plan will be delayed.'), ['Sources say']);
    assert.deepEqual(claims('Critics argue the tax is unfair.'), ['Critics argue']);
    assert.deepEqual(claims('Officials said the bridge would reopen.'), ['Officials said']);
    assert.deepEqual(claims('The bridge will reopen, officials said, according to the Transport Ministry.'), []);
    assert.deepEqual(claims('Sources say the plan will be delayed, Reuters reported.'), []);
  });

  it('does not flag named attributions or officials doing something other than speaking', () => {
    assert.deepEqual(claims('The Kremlin said the talks would continue.'), []);
    assert.deepEqual(claims('According to the FSB, two suspects were detained.'), []);
    assert.deepEqual(claims('US officials were discussing the proposal in Geneva.'), []);
    assert.deepEqual(claims('Immigration officials have processed the requests.'), []);
  });

  it('does not flag a cue inside a direct quote by a named speaker', () => {
    assert.deepEqual(claims('\u201CThe suspects reportedly fled abroad,\u201D police chief Anna Berg said.'), []);
    assert.deepEqual(claims('\u201CThe suspects reportedly fled abroad,\u201D a witness told reporters.'), ['reportedly']);
  });

  it('offers to mark the claim [attribution needed] at the end of its sentence', () => {
    const text = 'The minister reportedly resigned on Friday. Nothing else happened.';
    const f = ofRule(reviewWith(text), 'unattributed-claim')[0];
    assert.equal(f.fixes![0].title, 'Mark as [attribution needed]');
    assert.equal(applyEdits(text, f.fixes![0].edits), 'The minister reportedly resigned on Friday [attribution needed]. Nothing else happened.');
    assert.equal(f.data.kind, 'hedge');
    assert.equal(f.data.insertAt, text.indexOf('. Nothing'));
  });

  it('silenced cues are not reported', () => {
    const text = 'The minister reportedly resigned. Sources say he left.';
    assert.deepEqual(claims(text, o => { o.ignoredCues = ['Reportedly']; }), ['Sources say']);
  });

  it('can be switched off and its severity set', () => {
    const text = 'The minister reportedly resigned.';
    assert.equal(claims(text, o => { o.rules['unattributed-claim'].enabled = false; }).length, 0);
    const r = reviewWith(text, o => { o.rules['unattributed-claim'].severity = 'warning'; });
    assert.equal(ofRule(r, 'unattributed-claim')[0].severity, 'warning');
  });
});

describe('unattributed-claim: cues in any form', () => {
  it('finds a vague group in any tense and with adverbs inserted', () => {
    assert.deepEqual(claims('Critics have long argued that the tax is unfair.'), ['Critics have long argued']);
    assert.deepEqual(claims('Analysts had repeatedly warned of a slowdown.'), ['Analysts had repeatedly warned']);
    assert.deepEqual(claims('Experts are increasingly worried about the dam.'), ['Experts are increasingly worried']);
    assert.deepEqual(claims('Critics, however, disagree with the plan.'), []);
  });

  it('finds vague quantifier sources', () => {
    assert.deepEqual(claims('Some say the deal is dead.'), ['Some say']);
    assert.deepEqual(claims('Many believe the vote was rigged.'), ['Many believe']);
    assert.deepEqual(claims('Many people think the mayor will resign.'), ['Many people think']);
    assert.deepEqual(claims('A growing number of voters fear higher prices.'), ['A growing number of voters fear']);
    // A group noun on its own is a source the reporter spoke to, not a quantity.
    assert.deepEqual(claims('Voters said the race was close.'), []);
  });

  it('finds agentless passives of saying and thinking, unless an agent follows', () => {
    assert.deepEqual(claims('The senator was accused of lying to investors.'), ['was accused of']);
    assert.deepEqual(claims('The company is said to be near a deal.'), ['is said to']);
    assert.deepEqual(claims('The law has been widely criticized for its cost.'), ['has been widely criticized for']);
    assert.deepEqual(claims('The bill is expected to pass on Tuesday.'), ['is expected to']);
    assert.deepEqual(claims('Sales are reported to have fallen.'), ['are reported to']);
    assert.deepEqual(claims('The senator was accused of fraud by prosecutors.'), []);
    assert.deepEqual(claims('The bridge was built in 1950.'), []);
  });

  it('finds impersonal and existential constructions with no one behind them', () => {
    assert.deepEqual(claims('It is widely seen as a turning point.'), ['It is widely seen as']);
    assert.deepEqual(claims('It was reported that the ferry had sunk.'), ['It was reported that']);
    assert.deepEqual(claims('There are growing concerns about the dam.'), ['There are growing concerns']);
    // A passive of refusing or questioning reports no claim.
    assert.deepEqual(claims('The permit was denied in March.'), []);
    assert.equal(ofRule(reviewWith('It is expected that the vote will pass.'), 'unattributed-claim')[0].data.kind, 'agentless');
  });

  it('says what is missing: whose claim it is', () => {
    const [f] = ofRule(reviewWith('The senator was accused of lying to investors.'), 'unattributed-claim');
    assert.match(f.message, /without saying whose it is/);
    assert.equal(f.data.template, 'agentless-passive');
  });

  it('takes a source named in the sentence before for words that refer back to it', () => {
    assert.deepEqual(claims('The council met on Monday, said Mayor Anna Brook. Officials said the road would reopen.'), []);
    assert.deepEqual(claims('The council met on Monday, said Mayor Anna Brook. They said the road would reopen.'), []);
    assert.deepEqual(claims('The council met on Monday. Officials said the road would reopen.'), ['Officials said']);
    // Only for words that can refer back: critics are not the mayor.
    assert.deepEqual(claims('The council met on Monday, said Mayor Anna Brook. Critics say the road will stay shut.'), ['Critics say']);
  });

  it('a name before a vague group names it', () => {
    assert.deepEqual(claims('In the capital, Pentagon officials said the test had failed.'), []);
    assert.deepEqual(claims('Afterwards Clinton\u2019s aides said the speech went well.'), []);
    assert.deepEqual(claims('On Monday, Ohio county officials said the count was complete.'), []);
    assert.deepEqual(claims('On Monday, some county officials said the count was complete.'), ['officials said']);
  });

  it('does not report a passive inside a claim already reported', () => {
    assert.deepEqual(claims('Media reports indicated that some had been suspected of espionage.'), ['Media reports indicated']);
  });

  it('finds the writer\u2019s impression standing in for a source: seems, appears to', () => {
    assert.deepEqual(claims('The governor seems unwilling to compromise.'), ['seems']);
    assert.deepEqual(claims('The new rules appeared to favour large farms.'), ['appeared to']);
    assert.deepEqual(claims('It appears that the vote was delayed.'), ['appears that']);
    // Appearing somewhere is not an impression; "seeming" is an adjective.
    assert.deepEqual(claims('The mayor appeared on a radio show on Monday.'), []);
    assert.deepEqual(claims('The plan has a seeming flaw.'), []);
    // In a relative clause it is the careful description of something unconfirmed.
    assert.deepEqual(claims('Police examined what appears to be a forged letter.'), []);
    assert.deepEqual(claims('It was a plan that seemed to favour large farms.'), []);
    assert.equal(ofRule(reviewWith('The governor seems unwilling to compromise.'), 'unattributed-claim')[0].data.template, 'evidential');
  });

  it('an impression is its speaker\u2019s: in a quotation, or in words reported as a named source\u2019s', () => {
    assert.deepEqual(claims('\u201CThe bridge seems safe,\u201D a passer-by told reporters.'), []);
    assert.deepEqual(claims('Mayor Anna Brook said the bridge seemed safe.'), []);
    assert.deepEqual(claims('The engineer Tom Hale warned that the bridge was expected to fail.'), []);
    // Hearsay in an unnamed speaker\u2019s quotation still rests on no one.
    assert.deepEqual(claims('\u201CThe bridge reportedly failed,\u201D a passer-by told reporters.'), ['reportedly']);
  });

  it('finds questions with no one to ask them: when asked, was asked, Asked about', () => {
    assert.deepEqual(claims('When asked about the budget, the minister changed the subject.'), ['When asked']);
    assert.deepEqual(claims('Asked whether she would run again, Mayor Brook laughed.'), ['Asked whether']);
    assert.deepEqual(claims('The minister was asked about the budget on Monday.'), ['was asked about']);
    assert.deepEqual(claims('The minister, asked about the budget, changed the subject.'), ['asked about']);
    // An agent, or an active verb with its subject, names who asked.
    assert.deepEqual(claims('When asked by the committee, the minister declined to answer.'), []);
    assert.deepEqual(claims('The minister asked about the budget.'), []);
    // "When asked" frames the statement; the named speaker of the sentence did not ask.
    assert.deepEqual(claims('When asked about the budget, Mayor Anna Brook said it was balanced.'), ['When asked']);
  });

  it('leaves inferential adverbs to the writer: apparently and presumably are no attribution', () => {
    assert.deepEqual(claims('The door was apparently left open.'), []);
    assert.deepEqual(claims('The driver presumably knew the road.'), []);
  });
});

describe('unattributed-claim: what names a source or makes no claim', () => {
  it('a body named by its initials names the officials who speak for it', () => {
    assert.deepEqual(claims('N.T.S.B. officials said the pilot had reported ice on the wings.'), []);
    assert.deepEqual(claims('On Friday the F.A.A.\u2019s officials told the committee the runway was safe.'), []);
    assert.deepEqual(claims('Later, U.N. aid officials said the convoy had been struck twice.'), []);
    // A lower-case group names no body.
    assert.deepEqual(claims('On Friday, local officials said the runway was safe.'), ['officials said']);
  });

  it('a question put to a named person in a scene-setting clause is that person\u2019s exchange', () => {
    assert.deepEqual(claims('When Ortega was asked whether the bridge would reopen, he said it would.'), []);
    assert.deepEqual(claims('After Mayor Ana Ruiz, who chairs the board, was pressed on the delay, she blamed the contractor.'), []);
    // Nobody the reader knows was asked.
    assert.deepEqual(claims('When the minister was asked whether the bridge would reopen, he shrugged.'), ['was asked whether']);
  });

  it('stating what is not known is no claim: it is not clear if, it remains unclear why', () => {
    assert.deepEqual(claims('It is not clear whether the council will vote before the recess.'), []);
    assert.deepEqual(claims('It remains unclear why the pumps failed.'), []);
    assert.deepEqual(claims('It was not known if anyone had been hurt.'), []);
    assert.deepEqual(claims('It\u2019s uncertain how long the repairs will take.'), []);
    // A view that someone holds, unnamed, is still a claim.
    assert.deepEqual(claims('It is widely believed that the pumps were sabotaged.'), ['It is widely believed that']);
  });

  it('a quotation\u2019s speaker may be named in another sentence of its paragraph', () => {
    assert.deepEqual(claims('\u201CWe will rebuild,\u201D Ruiz said. \u201CPeople are saying the dam was sabotaged.\u201D'), []);
    assert.deepEqual(claims('\u201CWe will rebuild,\u201D a resident said. \u201CPeople are saying the dam was sabotaged.\u201D'), ['People are saying']);
    // An attribution inside a quotation names no speaker of the quotation.
    assert.deepEqual(claims('\u201CRuiz said we will rebuild. People are saying the dam was sabotaged.\u201D'), ['People are saying']);
  });

  it('doubled apostrophes are quotation marks', () => {
    assert.deepEqual(claims("''We were told to leave,'' Ruiz said. ''The plant reportedly leaked for days.''"), []);
    assert.deepEqual(claims("''We were told to leave,'' a neighbour said. ''The plant reportedly leaked for days.''"), ['reportedly']);
  });

  it('a participle of saying attributes what follows: telling, adding', () => {
    assert.deepEqual(claims('Ruiz left the hearing early, telling reporters that sources say the vote is lost.'), []);
    assert.deepEqual(claims('Ruiz left the hearing early; sources say the vote is lost.'), ['sources say']);
  });
});

describe('unattributed-claim: an impression that is no claim of the writer\u2019s', () => {
  it('an aim (to appear, to seem) or an impression with its experiencer (seems to me)', () => {
    assert.deepEqual(claims('The new mayor worked hard to appear calm during the flood.'), []);
    assert.deepEqual(claims('The ruling seemed to them a defeat for the port.'), []);
    assert.deepEqual(claims('The verdict appeared to him a betrayal of the town.'), []);
    // The writer's own impression is still a hedge.
    assert.deepEqual(claims('The ruling seemed a defeat for the port.'), ['seemed']);
  });
});
