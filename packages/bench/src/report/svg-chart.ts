import { formatRatio } from "./format.js";

export interface RatioBar {
  label: string;
  value: number | null;
  baseline?: number;
  /** The largest value the gate accepts (baseline plus tolerance). */
  limit?: number;
  target?: number;
  status: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

const layout = { labelWidth: 360, plotWidth: 420, valueWidth: 90, rowHeight: 30, top: 24, barHeight: 14 };
const colours: Record<string, string> = {
  pass: "#2f7d32",
  improved: "#1565c0",
  new: "#6a6a6a",
  regression: "#c62828",
  "target-missed": "#c62828",
  failed: "#c62828",
  inconclusive: "#ef8f00",
  skipped: "#9e9e9e",
  stale: "#9e9e9e",
};

/**
 * Ratios span four orders of magnitude (a QuickJS call against a plain call, a process round trip
 * against a worker one), so the axis is logarithmic from 1x; bars below 1x start at the left edge.
 */
function scale(maximum: number): (value: number) => number {
  const top = Math.log10(Math.max(10, maximum * 1.2));
  return (value) => (Math.max(0, Math.log10(Math.max(1, value))) / top) * layout.plotWidth;
}

function marker(x: number, y: number, colour: string, dash: string, title: string): string {
  const x1 = (layout.labelWidth + x).toFixed(1);
  return `<line x1="${x1}" x2="${x1}" y1="${y - 4}" y2="${y + layout.barHeight + 4}" stroke="${colour}" stroke-width="2" stroke-dasharray="${dash}"><title>${escapeHtml(title)}</title></line>`;
}

/** One horizontal bar per ratio, with the baseline (solid), the gate's limit (dashed) and the target (dotted). */
export function renderRatioChart(bars: readonly RatioBar[]): string {
  const maximum = Math.max(
    1,
    ...bars.flatMap((bar) => [bar.value ?? 0, bar.baseline ?? 0, bar.limit ?? 0, bar.target ?? 0]),
  );
  const x = scale(maximum);
  const height = layout.top + bars.length * layout.rowHeight + 8;
  const width = layout.labelWidth + layout.plotWidth + layout.valueWidth;
  const rows = bars.map((bar, index) => {
    const y = layout.top + index * layout.rowHeight;
    const colour = colours[bar.status] ?? "#6a6a6a";
    const parts = [
      `<text x="${layout.labelWidth - 8}" y="${y + 11}" text-anchor="end">${escapeHtml(bar.label)}</text>`,
    ];
    if (bar.value !== null) {
      parts.push(
        `<rect x="${layout.labelWidth}" y="${y}" width="${Math.max(1, x(bar.value)).toFixed(1)}" height="${layout.barHeight}" fill="${colour}"><title>${escapeHtml(`${bar.label}: ${formatRatio(bar.value)} (${bar.status})`)}</title></rect>`,
      );
    }
    if (bar.baseline !== undefined)
      parts.push(marker(x(bar.baseline), y, "#222", "0", `baseline ${formatRatio(bar.baseline)}`));
    if (bar.limit !== undefined)
      parts.push(marker(x(bar.limit), y, "#c62828", "4 2", `gate limit ${formatRatio(bar.limit)}`));
    if (bar.target !== undefined)
      parts.push(marker(x(bar.target), y, "#6a1b9a", "1 2", `target ≤ ${formatRatio(bar.target)}`));
    const valueText = bar.value === null ? bar.status : formatRatio(bar.value);
    parts.push(`<text x="${layout.labelWidth + layout.plotWidth + 8}" y="${y + 11}">${escapeHtml(valueText)}</text>`);
    return parts.join("");
  });
  const ticks = [1, 10, 100, 1_000, 10_000, 100_000]
    .filter((tick) => tick <= maximum * 1.2 || tick === 10)
    .map((tick) => {
      const tickX = (layout.labelWidth + x(tick)).toFixed(1);
      return `<line x1="${tickX}" x2="${tickX}" y1="${layout.top - 6}" y2="${height - 4}" stroke="#ddd"/><text x="${tickX}" y="${layout.top - 10}" text-anchor="middle" class="tick">${formatRatio(tick)}</text>`;
    });
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">${ticks.join("")}${rows.join("")}</svg>`;
}
