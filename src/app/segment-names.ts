import { SEGMENT_NAMES, type SegmentName } from '../segment/playbook.js';

/** What two spellings of a segment share: "can't lose them", "Cant_Lose_Them" and "Can't Lose Them" match. */
export const nameKey = (text: string) => text.toLowerCase().replace(/[\s_'’-]+/g, '');

/** "at risk" -> "At Risk": the playbook's names, ignoring case and spacing. */
export function segmentNameFrom(typed: string): SegmentName | undefined {
  return SEGMENT_NAMES.find((name) => nameKey(name) === nameKey(typed));
}

/** Names that contain what was typed, ignoring case and spacing ("cant" finds "Can't Lose Them"): autocomplete. */
export function namesMatching(typed: string, names: readonly string[], limit = 25): string[] {
  const wanted = nameKey(typed);
  return [...new Set(names)].filter((name) => nameKey(name).includes(wanted)).slice(0, limit);
}
