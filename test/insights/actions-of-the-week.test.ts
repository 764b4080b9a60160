import { describe, expect, it } from 'vitest';
import { actionsOfTheWeek } from '../../src/insights/actions-of-the-week.js';
import { runMigration, type RunMember } from '../../src/insights/migration.js';
import type { PlaybookAction } from '../../src/segment/playbook.js';

const action = (text: string): PlaybookAction => ({ channel: 'email', timing: { en: 'now', id: 'sekarang' }, action: { en: text, id: text } });
/** Two actions per segment, named after it, so the test can tell which segment and which rank each came from. */
const playbook = (segment: string) => (segment === '(none)' ? [] : [action(`${segment} #1`), action(`${segment} #2`)]);
const members = (segment: string, count: number, spend: number, prefix = segment): RunMember[] =>
  Array.from({ length: count }, (_, i) => ({ customerId: `${prefix}-${i}`, segment, monetary: spend }));
const moved = (list: RunMember[], segment: string): RunMember[] => list.map((m) => ({ ...m, segment }));

describe('actionsOfTheWeek', () => {
  it('GIVEN revenue moving down and a slipping segment THEN the segments with the most at stake come first, each with its first action', () => {
    const championsWhoSlipped = members('Champions', 5, 1_000, 'c');
    const loyalWhoSlept = members('Loyal Customers', 10, 50, 'l');
    const before = [...championsWhoSlipped, ...loyalWhoSlept, ...members('Champions', 20, 900), ...members('Need Attention', 4, 100), ...members('Promising', 30, 10)];
    const after = [
      ...moved(championsWhoSlipped, 'At Risk'), // 5,000 moved down into At Risk
      ...moved(loyalWhoSlept, 'Hibernating'), // 500 moved down into Hibernating
      ...members('Champions', 20, 900),
      ...members('Need Attention', 4, 100), // 400 at stake, nothing moved
      ...members('Promising', 30, 10),
      ...members('At Risk', 3, 200, 'old-risk'), // At Risk also holds 600 that was there already
    ];
    const actions = actionsOfTheWeek(runMigration(before, after), playbook);
    expect(actions.map((a) => [a.segment, a.reason, a.revenue, a.customers, a.movedDown, a.action.action.en])).toEqual([
      ['At Risk', 'at_stake', 5_600, 8, 5, 'At Risk #1'],
      ['Hibernating', 'moved_down', 500, 10, 10, 'Hibernating #1'],
      ['Need Attention', 'at_stake', 400, 4, 0, 'Need Attention #1'],
    ]);
  });

  it('GIVEN nothing moved or at stake THEN the largest segments by revenue get the actions', () => {
    const everyone = [...members('Champions', 2, 500), ...members('Promising', 10, 20), ...members('Loyal Customers', 3, 100)];
    const actions = actionsOfTheWeek(runMigration(everyone, everyone), playbook);
    expect(actions.map((a) => [a.segment, a.reason, a.revenue])).toEqual([
      ['Champions', 'largest', 1_000],
      ['Loyal Customers', 'largest', 300],
      ['Promising', 'largest', 200],
    ]);
  });

  it('GIVEN only two segments THEN the first one’s second action makes the third', () => {
    const everyone = [...members('At Risk', 2, 500), ...members('Champions', 10, 20)];
    const actions = actionsOfTheWeek(runMigration([], everyone), playbook);
    expect(actions.map((a) => a.action.action.en)).toEqual(['At Risk #1', 'Champions #1', 'At Risk #2']);
  });

  it('GIVEN a segment only the previous run had THEN it gets no action: nobody is in it any more', () => {
    const before = members('Big Spenders', 5, 1_000);
    const after = moved(before, 'Champions');
    expect(actionsOfTheWeek(runMigration(before, after), playbook).map((a) => a.segment)).toEqual(['Champions', 'Champions']);
  });
});
