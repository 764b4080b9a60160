import { normaliseHeader } from '../columns.js';
import type { PlatformColumn, PlatformProfile } from './profile.js';
import { PLATFORM_PROFILES } from './index.js';

/** A profile matched against one header: where each of its columns sits. */
export interface PlatformMatch {
  profile: PlatformProfile;
  /** Column -> position in the header, for the profile's columns the header has. */
  index: Partial<Record<PlatformColumn, number>>;
  /** Positions of the buyer identity columns the header has, best first. */
  customer: number[];
}

/**
 * The profile whose signature the header meets, or null for a layout without one. When several do, the one that
 * finds more of its columns wins (Shopee's English UI shares `Order ID` and `Order Status` with TikTok Shop, but
 * not the rest). O(profiles x columns).
 */
export function detectPlatform(header: readonly string[], profiles: readonly PlatformProfile[] = PLATFORM_PROFILES): PlatformMatch | null {
  const positions = new Map<string, number>();
  header.forEach((name, i) => {
    const key = normaliseHeader(name);
    if (key !== '' && !positions.has(key)) positions.set(key, i);
  });
  let best: { match: PlatformMatch; found: number } | null = null;
  for (const profile of profiles) {
    if (!profile.signature.every((entry) => namesOf(entry).some((name) => positions.has(normaliseHeader(name))))) continue;
    const match = matchProfile(profile, positions);
    const found = Object.keys(match.index).length + match.customer.length;
    if (best === null || found > best.found) best = { match, found };
  }
  return best?.match ?? null;
}

/** The profile with this id, for a user who names the platform. */
export function profileById(id: string, profiles: readonly PlatformProfile[] = PLATFORM_PROFILES): PlatformProfile | undefined {
  return profiles.find((profile) => profile.id === id);
}

function matchProfile(profile: PlatformProfile, positions: ReadonlyMap<string, number>): PlatformMatch {
  const first = (names: readonly string[]) => {
    for (const name of names) {
      const at = positions.get(normaliseHeader(name));
      if (at !== undefined) return at;
    }
    return undefined;
  };
  const index: Partial<Record<PlatformColumn, number>> = {};
  for (const [column, names] of Object.entries(profile.columns) as [PlatformColumn, readonly string[]][]) {
    const at = first(names);
    if (at !== undefined) index[column] = at;
  }
  const customer = profile.customer.map((name) => positions.get(normaliseHeader(name))).filter((at): at is number => at !== undefined);
  return { profile, index, customer: [...new Set(customer)] };
}

function namesOf(entry: string | readonly string[]): readonly string[] {
  return typeof entry === 'string' ? [entry] : entry;
}
