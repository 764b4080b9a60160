import type { PlaybookAction, SegmentName } from '../../segment/playbook.js';
import { SEGMENT_NAMES } from '../../segment/playbook.js';
import type { Db } from '../../store/open-database.js';
import { workspaceActions } from './playbook-source.js';
import { segmentNameFrom } from './segment-names.js';
import { findSegment, latestRun } from './segment-views.js';

export type SegmentActionsOutcome =
  | { ok: true; segment: string; segmentName: SegmentName; actions: readonly PlaybookAction[] }
  | { ok: false; code: 'segment_not_found'; details: { segment: string; available: string[] } };

/**
 * The playbook for a segment: a label of the latest run ("Champions 2") or any playbook name ("At Risk"),
 * so a team can read the advice before its first upload too.
 */
export function segmentActions(db: Db, guildId: string, typed: string): SegmentActionsOutcome {
  const latest = latestRun(db, guildId, undefined);
  const inRun = latest.ok ? findSegment(latest.run, typed) : undefined;
  const cluster = inRun && latest.ok ? latest.run.details.segments.find((s) => s.label === inRun.label && inRun.lens === 'clusters') : undefined;
  const segmentName = (cluster?.name ?? inRun?.label ?? segmentNameFrom(typed)) as SegmentName | undefined;
  if (!segmentName || !SEGMENT_NAMES.includes(segmentName)) return { ok: false, code: 'segment_not_found', details: { segment: typed, available: [...SEGMENT_NAMES] } };
  return { ok: true, segment: inRun?.label ?? segmentName, segmentName, actions: workspaceActions(db, guildId)(segmentName) };
}
