/**
 * npm run bench: the figures the issues name, measured on the real Online Retail file.
 * Not part of npm test: timings on shared 2-core machines are noisy, so they are reported, not asserted.
 */
import { fileURLToPath } from 'node:url';
import { benchImport } from './import-file.js';

await benchImport(fileURLToPath(new URL('../../shared/data/online_retail.csv', import.meta.url)), { wallSeconds: 2.5 });
