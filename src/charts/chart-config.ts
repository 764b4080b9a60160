import type { ChartConfiguration, ChartTypeRegistry } from 'chart.js';
import type {} from '@sgratzl/chartjs-chart-boxplot';

/** Any chart this module builds, including box plots, as accepted by every renderer. */
export type ChartConfig = ChartConfiguration<keyof ChartTypeRegistry>;
