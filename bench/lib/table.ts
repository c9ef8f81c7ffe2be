// The bench prints one plain-text table (and the same rows go to bench/results.json), so a run
// can be pasted into the README as Markdown without editing.

/** One line of the results table. */
export interface ResultRow {
  /** Which bench section the row belongs to (a–e). */
  section: string;
  metric: string;
  /** The measured figure, formatted, or "not measured: <reason>". */
  value: string;
  /** The goal as text, e.g. "< 0.60×"; '' when there is none. */
  goal: string;
  /** true/false when there is a goal, undefined otherwise. */
  pass?: boolean;
}

/** Renders rows as a GitHub Markdown table. */
export function markdownTable(rows: readonly ResultRow[]): string {
  const header = ['', 'metric', 'measured', 'goal', 'ok'];
  const lines = rows.map((r) => [r.section, r.metric, r.value, r.goal, r.pass === undefined ? '' : r.pass ? 'yes' : '**no**']);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [format(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(format)].join('\n');
}
