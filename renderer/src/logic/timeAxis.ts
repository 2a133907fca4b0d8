// Time-axis labels for the charts in 24-hour local time, the same in both languages (uPlot's default is a
// US date such as "11/30/26 2:07pm"): seconds for a span under five minutes, minutes up to two days, the
// date with the hour beyond.
const pad = (n: number) => String(n).padStart(2, '0');

export function timeAxisLabels(ticksS: readonly number[], spanS: number): string[] {
  return ticksS.map((s) => {
    const d = new Date(s * 1000);
    const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
    if (spanS < 300) return `${hm}:${pad(d.getSeconds())}`;
    if (spanS <= 2 * 86_400) return hm;
    return `${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${hm}`;
  });
}
