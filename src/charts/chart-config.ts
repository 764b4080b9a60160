import type { ChartConfiguration, ChartTypeRegistry } from 'chart.js';
import type {} from '@sgratzl/chartjs-chart-boxplot';
import type {} from 'chartjs-chart-sankey';

/** Any chart this module builds, including box plots and sankey flows, as accepted by every renderer. */
export type ChartConfig = ChartConfiguration<keyof ChartTypeRegistry>;
