/**
 * Shared look of every chart, sized for 1000 × 560 images that Discord shows at roughly half size:
 * fonts here are larger than Chart.js defaults so they stay readable after scaling.
 * Everything is plain JSON (no callbacks) so a config can be cloned, stored, or sent to QuickChart.
 */

export const TEXT_COLOR = '#1F2933';
const MUTED_TEXT_COLOR = '#52606D';
const GRID_COLOR = '#E4E7EB';
export const REFERENCE_LINE_COLOR = '#616E7C';

const FONT_SIZE = { title: 22, subtitle: 14, axisTitle: 15, tick: 14, legend: 14 } as const;

export function titlePlugins(title: string, subtitle?: string) {
  return {
    title: {
      display: true,
      text: title,
      color: TEXT_COLOR,
      font: { size: FONT_SIZE.title, weight: 'bold' as const },
      padding: { top: 4, bottom: subtitle ? 4 : 14 },
    },
    subtitle: {
      display: subtitle !== undefined,
      text: subtitle ?? '',
      color: MUTED_TEXT_COLOR,
      font: { size: FONT_SIZE.subtitle },
      padding: { bottom: 14 },
    },
  };
}

export function legendPlugin(display: boolean) {
  return {
    display,
    position: 'top' as const,
    align: 'center' as const,
    labels: {
      color: TEXT_COLOR,
      font: { size: FONT_SIZE.legend },
      usePointStyle: true,
      boxWidth: 10,
      boxHeight: 10,
      padding: 18,
    },
  };
}

export function axisTitle(text: string, color: string = TEXT_COLOR) {
  return { display: true, text, color, font: { size: FONT_SIZE.axisTitle, weight: 'bold' as const }, padding: 8 };
}

export function axisTicks(color: string = MUTED_TEXT_COLOR) {
  return { color, font: { size: FONT_SIZE.tick } };
}

/** Ticks naming categories (segments): never skipped, since every segment must stay named. */
export function categoryTicks() {
  return { ...axisTicks(), autoSkip: false };
}

export const GRID = { color: GRID_COLOR } as const;

export const LAYOUT = { padding: { top: 12, right: 24, bottom: 12, left: 16 } } as const;
