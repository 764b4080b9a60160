import { seededUniform } from '../../../src/segment/seeded-random.js';
import type { FeatureMatrix } from '../../../src/segment/types.js';

/** Points around the given centres (uniform noise of ± spread), `perBlob` each, blob after blob. */
export function blobs(centers: readonly (readonly number[])[], perBlob: number, spread: number, seed = 1): FeatureMatrix {
  const uniform = seededUniform(seed);
  const columns = centers[0]!.length;
  const values = new Float64Array(centers.length * perBlob * columns);
  let at = 0;
  for (const center of centers) {
    for (let i = 0; i < perBlob; i++) {
      for (let column = 0; column < columns; column++) values[at++] = center[column]! + spread * (2 * uniform() - 1);
    }
  }
  return { rows: centers.length * perBlob, columns, values };
}
