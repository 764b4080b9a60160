import { customerIdsStartingWith } from '../src/app/lookup/customer-card.js';
import type { CommandContext } from '../src/app/context.js';
import { namesMatching } from '../src/app/segments/segment-names.js';
import { latestRun, runSegmentLabels } from '../src/app/segments/segment-views.js';
import type { OptionSpec } from './command.js';
import { K_BOUNDS } from './schemas.js';

/** Options several segmentation commands share, described once. */
export const datasetOption: OptionSpec = {
  name: 'dataset', type: 'string', description: { en: 'Dataset (default: the latest upload)', id: 'Dataset (bawaan: unggahan terbaru)' },
};
export const kOption: OptionSpec = {
  name: 'k', type: 'integer', ...K_BOUNDS, description: { en: 'Number of segments (default: chosen automatically, 3 to 8)', id: 'Jumlah segmen (bawaan: dipilih otomatis, 3 sampai 8)' },
};
export const conventionOption: OptionSpec = {
  name: 'convention', type: 'string', choices: ['net', 'gross'],
  choiceLabels: {
    net: { en: 'Net: returns subtract from spend', id: 'Bersih: retur mengurangi belanja' },
    gross: { en: 'Gross: returns left out', id: 'Kotor: retur tidak dihitung' },
  },
  description: { en: 'net (default) subtracts returns from spend; gross leaves returns out', id: 'net (bawaan) mengurangkan retur dari belanja; gross tidak menghitung retur' },
};
export const asOfOption: OptionSpec = {
  name: 'as_of', type: 'string', description: { en: "Measure recency from this date (YYYY-MM-DD or 'today')", id: "Hitung recency dari tanggal ini (YYYY-MM-DD atau 'today')" },
};
export const lensOption: OptionSpec = {
  name: 'lens', type: 'string', choices: ['clusters', 'grid'],
  choiceLabels: {
    clusters: { en: 'k-means clusters', id: 'Klaster k-means' },
    grid: { en: 'R × F grid', id: 'Grid R × F' },
  },
  description: { en: 'clusters (k-means, default) or the R × F grid', id: 'clusters (k-means, bawaan) atau grid R × F' },
};

const datasetOf = (options: Record<string, unknown>) => (typeof options.dataset === 'string' && options.dataset ? options.dataset : undefined);

/** Segment labels of the latest run (both lenses) that contain what was typed. */
export function segmentChoices(ctx: CommandContext, typed: string, options: Record<string, unknown>): string[] {
  const latest = latestRun(ctx.app.db, ctx.guildId, datasetOf(options));
  if (!latest.ok) return [];
  return namesMatching(typed, runSegmentLabels(latest.run));
}

export function customerChoices(ctx: CommandContext, typed: string, options: Record<string, unknown>): string[] {
  return customerIdsStartingWith(ctx.app.db, ctx.guildId, datasetOf(options), typed, 25);
}
