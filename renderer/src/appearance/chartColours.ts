// uPlot draws on a canvas, which CSS cannot reach: the charts read the palette's variables when they
// draw (styles.css, "--chart-*") and are redrawn when the appearance changes.

export interface ChartColours { series: string; seriesFill: string; threshold: string; axis: string; grid: string; font: string; pointFill: string }

export function chartColours(root: HTMLElement = document.documentElement): ChartColours {
  const style = getComputedStyle(root);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  // Axis labels scale with the text-size setting: 0.75 of the root size (12.75 px at 17 px).
  const rootPx = parseFloat(style.fontSize) || 17;
  return {
    series: read('--chart-series', '#0b5cad'),
    seriesFill: read('--chart-series-fill', 'transparent'),
    threshold: read('--chart-threshold', '#c62828'),
    axis: read('--chart-axis', '#333'),
    grid: read('--chart-grid', 'rgba(0,0,0,.1)'),
    // uPlot fills its points white by default: a glare in the dark palettes.
    pointFill: read('--card', '#fff'),
    font: `${Math.round(rootPx * 0.75)}px ${style.fontFamily || 'sans-serif'}`,
  };
}

/** uPlot axis options in the palette's colours. */
export function themedAxis(colours: ChartColours): { stroke: string; font: string; grid: { stroke: string; width: number }; ticks: { stroke: string; width: number } } {
  return { stroke: colours.axis, font: colours.font, grid: { stroke: colours.grid, width: 1 }, ticks: { stroke: colours.grid, width: 1 } };
}
