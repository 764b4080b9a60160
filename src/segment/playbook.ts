import { z } from 'zod';
import { GRID_SEGMENTS, type GridSegmentName } from './grid.js';
import { CLUSTER_SEGMENTS, type ClusterSegmentName } from './naming.js';
import { RETURNED_EVERYTHING } from './returned-everything.js';

export type SegmentName = GridSegmentName | ClusterSegmentName | typeof RETURNED_EVERYTHING;

/** Every segment name either lens can produce, and the group of customers who returned everything: the playbook must cover each one. */
export const SEGMENT_NAMES: readonly SegmentName[] = [...new Set<SegmentName>([...GRID_SEGMENTS, ...CLUSTER_SEGMENTS, RETURNED_EVERYTHING])];

export const CHANNELS = ['email', 'whatsapp', 'sms', 'push', 'phone', 'website', 'loyalty_app', 'social_ads'] as const;

const bilingual = z.object({ en: z.string().trim().min(1), id: z.string().trim().min(1) });

const playbookAction = z.object({
  channel: z.enum(CHANNELS),
  timing: bilingual,
  action: bilingual,
});

/** Three actions at least: one idea is a guess, three make a plan a team can choose from. */
const segmentActions = z.array(playbookAction).min(3);

/**
 * Shape of data/playbook.json. `z.record` over an enum is exhaustive in zod 4, so a playbook
 * missing a segment fails validation instead of leaving a segment without advice.
 */
export const playbookSchema = z.object({
  version: z.literal(1),
  channels: z.record(z.enum(CHANNELS), bilingual),
  segments: z.record(z.enum(SEGMENT_NAMES as [SegmentName, ...SegmentName[]]), segmentActions),
});

export type Playbook = z.infer<typeof playbookSchema>;
export type PlaybookAction = z.infer<typeof playbookAction>;
export type Channel = (typeof CHANNELS)[number];

/** Per-server replacements for the actions of some segments. */
export type PlaybookOverrides = Partial<Record<SegmentName, readonly PlaybookAction[]>>;

export type PlaybookParse =
  | { ok: true; playbook: Playbook }
  | { ok: false; code: 'invalid_playbook'; details: { issues: { path: string; message: string }[] } };

/**
 * Validates a playbook (parsed JSON) against `playbookSchema`. Returns a code and the issues
 * rather than throwing, so a bad custom playbook becomes a readable reply. O(size of the JSON).
 *
 * @param raw - the parsed JSON (never mutated)
 * @returns the typed playbook, or `invalid_playbook` with each issue's path and message
 * @example
 * parsePlaybook(JSON.parse(text)); // { ok: true, playbook: { version: 1, channels: {…}, segments: {…} } }
 */
export function parsePlaybook(raw: unknown): PlaybookParse {
  const result = playbookSchema.safeParse(raw);
  if (result.success) return { ok: true, playbook: result.data };
  const issues = result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  return { ok: false, code: 'invalid_playbook', details: { issues } };
}

/**
 * The promo actions for a segment: the server's override when it has one, else the playbook's.
 * O(1).
 *
 * @param segmentName - a segment name (`NamedSegment.name` or a grid segment), not a numbered label
 * @param playbook - a validated playbook
 * @param overrides - optional per-server replacements
 * @returns the actions, each with channel, timing and text in English and Indonesian
 * @example
 * actionsFor('At Risk', playbook)[0].channel; // 'email'
 */
export function actionsFor(segmentName: SegmentName, playbook: Playbook, overrides?: PlaybookOverrides): readonly PlaybookAction[] {
  return overrides?.[segmentName] ?? playbook.segments[segmentName];
}
