/**
 * Benchmark, not a unit test: k-means (k = 5, 10 restarts) and a sampled silhouette on
 * 1,000,000 × 3 synthetic customers, reporting wall time and peak memory.
 * Run: `node --import tsx bench/kmeans-million.ts [rows] [restarts]` (part of npm run bench)
 */
import { kmeansClustering } from '../src/segment/kmeans.js';
import { seededUniform } from '../src/segment/seeded-random.js';
import { silhouetteScore } from '../src/segment/silhouette.js';
import type { FeatureMatrix } from '../src/segment/types.js';

const rows = Number(process.argv[2] ?? 1_000_000);
const restarts = Number(process.argv[3] ?? 10);

/** Five Gaussian blobs of different sizes and spreads, roughly like scaled RFM. */
function syntheticCustomers(count: number, seed: number): FeatureMatrix {
  const uniform = seededUniform(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  const blobs = [
    { weight: 0.35, center: [1, -1, -1], spread: 0.6 },
    { weight: 0.25, center: [-1, 0, 0], spread: 0.5 },
    { weight: 0.2, center: [-1, 1.2, 1.2], spread: 0.5 },
    { weight: 0.12, center: [0.5, 0.5, 0], spread: 0.4 },
    { weight: 0.08, center: [-1.5, 2, 2.5], spread: 0.3 },
  ];
  const values = new Float64Array(count * 3);
  for (let row = 0; row < count; row++) {
    let draw = uniform();
    const blob = blobs.find((candidate) => (draw -= candidate.weight) < 0) ?? blobs[0]!;
    for (let column = 0; column < 3; column++) values[row * 3 + column] = blob.center[column]! + blob.spread * normal();
  }
  return { rows: count, columns: 3, values };
}

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);
const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

const matrix = syntheticCustomers(rows, 1);
console.log(`matrix ${rows} × 3, rss ${megabytes(process.memoryUsage().rss)}`);
let started = performance.now();
const clustering = kmeansClustering(matrix, 5, { seed: 42, restarts });
const kmeansMs = performance.now() - started;
console.log(`k-means k=5 ${restarts} restarts: ${(kmeansMs / 1000).toFixed(1)} s, inertia ${clustering.inertia.toFixed(0)}, sizes ${clustering.sizes.join(', ')}`);
started = performance.now();
const silhouette = silhouetteScore(matrix, clustering.labels, { seed: 42 });
console.log(`silhouette ${silhouette.value.toFixed(4)} (sampled: ${silhouette.sampled}, ${silhouette.customers} customers): ${((performance.now() - started) / 1000).toFixed(2)} s`);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
clearInterval(sampler);
console.log(`peak rss ${megabytes(peakRss)}`);
