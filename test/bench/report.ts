import type { Distribution } from './isolated';

/** One target of the issue, judged on a figure of this run. */
export interface TargetCheck {
  target: string;
  figure: string;
  met: boolean;
  /** When missed: why, and what would meet it. */
  why?: string;
}

/** A table of the report: a heading, a sentence on how it was measured, column names and rows of text. */
export interface ReportTable {
  title: string;
  how: string;
  columns: string[];
  rows: string[][];
}

export interface BenchReport {
  date: string;
  machine: { cpus: number; cpuModel?: string; memoryGiB: number; node: string; platform: string };
  durationSeconds: number;
  settings: Record<string, unknown>;
  targets: TargetCheck[];
  tables: ReportTable[];
}

export const ms = (value: number) =>
  Number.isFinite(value) ? `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms` : '–';
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const percentileCells = (d: Distribution) => [ms(d.p50Ms), ms(d.p95Ms), ms(d.p99Ms)];

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const row = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;

/** bench/RESULTS.md: the targets first (met or not, with the figure and, where missed, why), then every table. */
export function renderMarkdown(report: BenchReport): string {
  const { machine } = report;
  const lines = [
    '# Benchmark results',
    '',
    `Measured by \`npm run bench\` on ${report.date.slice(0, 10)} (${report.date.slice(11, 16)} UTC) in ${Math.round(report.durationSeconds)} s.`,
    `Machine: ${machine.cpus} × ${machine.cpuModel ?? 'unknown CPU'}, ${machine.memoryGiB} GiB, ${machine.platform}, Node ${machine.node}.`,
    'Everything runs locally: DynamoDB Local, the real Lambda handlers behind the local gateway, the local workflows and',
    'webhook worker. Figures are of this run on this machine; the references (floors) are measured in the same run, so',
    'the ratios hold on a noisy machine where the absolute figures do not. The raw figures are in `bench/results.json`.',
    '',
    `Settings: ${Object.entries(report.settings)
      .map(([key, value]) => `${key} ${Array.isArray(value) ? value.join('/') : String(value)}`)
      .join(', ')}.`,
    '',
    '## Targets',
    '',
    row(['target', 'figure', 'met']),
    row(['---', '---', '---']),
    ...report.targets.map((t) => row([t.target, t.figure, t.met ? 'yes' : 'no'])),
    '',
  ];
  const missed = report.targets.filter((t) => !t.met);
  if (missed.length) {
    lines.push('### Missed, and what would meet it', '');
    for (const t of missed) lines.push(`- **${t.target}** (${t.figure}): ${t.why ?? 'no explanation recorded.'}`);
    lines.push('');
  }
  for (const table of report.tables) {
    lines.push(
      `## ${table.title}`,
      '',
      table.how,
      '',
      row(table.columns),
      row(table.columns.map(() => '---')),
      ...table.rows.map(row),
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
