import type { RunMigration } from '../../insights/migration.js';
import { SEGMENT_NAMES, type SegmentName } from '../../segment/playbook.js';
import { RETURNED_EVERYTHING, RETURNED_EVERYTHING_NAMES } from '../../segment/returned-everything.js';
import type { Locale } from '../reply.js';

/** What two spellings of a segment share: "can't lose them", "Cant_Lose_Them" and "Can't Lose Them" match. */
export const nameKey = (text: string) => text.toLowerCase().replace(/[\s_'’-]+/g, '');

/** "at risk" -> "At Risk": the playbook's names, ignoring case and spacing ("mengembalikan semua" -> "Returned everything"). */
export function segmentNameFrom(typed: string): SegmentName | undefined {
  if (nameKey(typed) === nameKey(RETURNED_EVERYTHING_NAMES.id)) return RETURNED_EVERYTHING;
  return SEGMENT_NAMES.find((name) => nameKey(name) === nameKey(typed));
}

/**
 * A segment label as a reader of that language sees it. The marketing names (Champions, At Risk…) are used as they
 * are in both languages; the group of customers who returned everything is a plain description, so it is translated.
 */
export function shownSegmentName(label: string, locale: Locale): string {
  return label === RETURNED_EVERYTHING ? RETURNED_EVERYTHING_NAMES[locale] : label;
}

/** Names that contain what was typed, ignoring case and spacing ("cant" finds "Can't Lose Them"): autocomplete. */
export function namesMatching(typed: string, names: readonly string[], limit = 25): string[] {
  const wanted = nameKey(typed);
  return [...new Set(names)].filter((name) => nameKey(name).includes(wanted)).slice(0, limit);
}

/** A migration with its segments named as a reader of that language sees them (see `shownSegmentName`), for its chart. */
export function migrationShownIn(migration: RunMigration, locale: Locale): RunMigration {
  const shown = (name: string) => shownSegmentName(name, locale);
  return {
    segments: migration.segments.map((segment) => ({ ...segment, name: shown(segment.name) })),
    moves: migration.moves.map((move) => ({ ...move, from: shown(move.from), to: shown(move.to) })),
  };
}
