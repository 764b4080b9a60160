import { readFileSync } from 'node:fs';
import { actionsFor, parsePlaybook, SEGMENT_NAMES, type Playbook, type PlaybookAction, type SegmentName } from '../../segment/playbook.js';
import type { Db } from '../../store/open-database.js';
import { playbookOverridesRepository } from '../../store/playbook-overrides.js';

let bundled: Playbook | undefined;

/** data/playbook.json, validated once: a broken playbook is our bug, so it throws. */
export function bundledPlaybook(): Playbook {
  if (bundled) return bundled;
  const parsed = parsePlaybook(JSON.parse(readFileSync(new URL('../../../data/playbook.json', import.meta.url), 'utf8')));
  if (!parsed.ok) throw new Error(`data/playbook.json is invalid: ${JSON.stringify(parsed.details.issues)}`);
  return (bundled = parsed.playbook);
}

export const isSegmentName = (name: string): name is SegmentName => (SEGMENT_NAMES as readonly string[]).includes(name);

/** A workspace's actions for a segment: its own override when it set one, else the bundled playbook. */
export function workspaceActions(db: Db, guildId: string): (segment: SegmentName) => readonly PlaybookAction[] {
  const overrides = playbookOverridesRepository(db).overrides(guildId);
  const playbook = bundledPlaybook();
  return (segment) => actionsFor(segment, playbook, overrides);
}
