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

const layout = { plotWidth: 420, valueWidth: 90, rowHeight: 30, top: 24, barHeight: 14 };
/** About the advance of a 12 px system-ui character; labels are long ("a / b"), so the column fits them. */
const characterWidth = 6.4;
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
  info: "#78909c",
};

/**
 * Ratios span several orders of magnitude (a QuickJS call against a plain call, a pipelined
 * message against a single one), so the axis is logarithmic, from the power of ten at or below
 * the smallest figure (at most 1x) to just above the largest.
 */
export function logarithmicScale(
  values: readonly number[],
  width: number,
): { x: (value: number) => number; ticks: number[] } {
  const positive = values.filter((value) => value > 0 && Number.isFinite(value));
  const low = 10 ** Math.floor(Math.log10(Math.min(1, ...positive)));
  const high = Math.max(low * 10, ...positive) * 1.2;
  const span = Math.log10(high) - Math.log10(low);
  const x = (value: number) => (Math.max(0, Math.log10(Math.max(low, value)) - Math.log10(low)) / span) * width;
  const ticks: number[] = [];
  for (let tick = low; tick <= high; tick *= 10) ticks.push(Number(tick.toPrecision(1)));
  return { x, ticks };
}

function marker(labelWidth: number, x: number, y: number, colour: string, dash: string, title: string): string {
  const x1 = (labelWidth + x).toFixed(1);
  return `<line x1="${x1}" x2="${x1}" y1="${y - 4}" y2="${y + layout.barHeight + 4}" stroke="${colour}" stroke-width="2" stroke-dasharray="${dash}"><title>${escapeHtml(title)}</title></line>`;
}

/** One horizontal bar per ratio, with the baseline (solid), the gate's limit (dashed) and the target (dotted). */
export function renderRatioChart(bars: readonly RatioBar[]): string {
  const { x, ticks } = logarithmicScale(
    bars.flatMap((bar) => [bar.value ?? 0, bar.baseline ?? 0, bar.limit ?? 0, bar.target ?? 0]),
    layout.plotWidth,
  );
  const labelWidth = Math.ceil(
    Math.min(640, Math.max(160, ...bars.map((bar) => bar.label.length * characterWidth))) + 12,
  );
  const height = layout.top + bars.length * layout.rowHeight + 8;
  const width = labelWidth + layout.plotWidth + layout.valueWidth;
  const rows = bars.map((bar, index) => {
    const y = layout.top + index * layout.rowHeight;
    const colour = colours[bar.status] ?? "#6a6a6a";
    const parts = [`<text x="${labelWidth - 8}" y="${y + 11}" text-anchor="end">${escapeHtml(bar.label)}</text>`];
    if (bar.value !== null) {
      parts.push(
        `<rect x="${labelWidth}" y="${y}" width="${Math.max(1, x(bar.value)).toFixed(1)}" height="${layout.barHeight}" fill="${colour}"><title>${escapeHtml(`${bar.label}: ${formatRatio(bar.value)} (${bar.status})`)}</title></rect>`,
      );
    }
    if (bar.baseline !== undefined) {
      parts.push(marker(labelWidth, x(bar.baseline), y, "#222", "0", `baseline ${formatRatio(bar.baseline)}`));
    }
    if (bar.limit !== undefined) {
      parts.push(marker(labelWidth, x(bar.limit), y, "#c62828", "4 2", `gate limit ${formatRatio(bar.limit)}`));
    }
    if (bar.target !== undefined) {
      parts.push(marker(labelWidth, x(bar.target), y, "#6a1b9a", "1 2", `target ≤ ${formatRatio(bar.target)}`));
    }
    const valueText = bar.value === null ? bar.status : formatRatio(bar.value);
    parts.push(`<text x="${labelWidth + layout.plotWidth + 8}" y="${y + 11}">${escapeHtml(valueText)}</text>`);
    return parts.join("");
  });
  const tickMarks = ticks.map((tick) => {
    const tickX = (labelWidth + x(tick)).toFixed(1);
    return `<line x1="${tickX}" x2="${tickX}" y1="${layout.top - 6}" y2="${height - 4}" stroke="#ddd"/><text x="${tickX}" y="${layout.top - 10}" text-anchor="middle" class="tick">${formatRatio(tick)}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">${tickMarks.join("")}${rows.join("")}</svg>`;
}
