/**
 * The benchmark's results as data and as a Markdown table, with every time
 * also given as a ratio to openapi-typescript's on the same spec in the same run.
 */
import os from 'node:os';
import { median } from './measure.js';
import { BASELINE } from './tools.js';

export interface Measured {
  ms: number[];
  rssMiB: number[];
  /** User + system CPU per run, when GNU time measured it. */
  cpuMs: number[];
  /** Why a run failed (exit code, time-out), when one did. */
  failure?: string;
}

export interface Row {
  spec: string;
  tool: string;
  label: string;
  gen: Measured;
  size?: { files: number; bytes: number };
  tsc?: Measured & { errors?: number };
  /** tsc on the client entry alone (Switchboard: the package without its mocks). */
  tscClient?: Measured & { errors?: number };
}

const HEAD = '| spec | tool | output | wall (median) | × ots | CPU (median) | peak RSS | files | size | tsc --noEmit | × ots | tsc errors |';
const RULE = '|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|';

/** The Markdown table, one line per spec × tool. */
export function table(rows: Row[]): string {
  const lines = [HEAD, RULE];
  for (const row of rows) {
    const base = rows.find((r) => r.spec === row.spec && r.tool === BASELINE);
    lines.push(
      `| ${[
        row.spec,
        row.tool,
        row.label,
        seconds(row.gen),
        ratio(row.gen, base?.gen),
        row.gen.cpuMs.length ? `${(median(row.gen.cpuMs) / 1000).toFixed(2)} s` : '—',
        mib(row.gen),
        row.size ? String(row.size.files) : '—',
        row.size ? `${(row.size.bytes / 1048576).toFixed(2)} MiB` : '—',
        row.tsc ? seconds(row.tsc) : '—',
        row.tsc ? ratio(row.tsc, base?.tsc) : '—',
        row.tsc?.errors === undefined ? '—' : String(row.tsc.errors),
      ].join(' | ')} |`,
    );
  }
  const client = rows.filter((r) => r.tscClient);
  if (client.length > 0) {
    lines.push('', '| spec | tool | tsc, client entry only | × ots | tsc errors |', '|---|---|--:|--:|--:|');
    for (const row of client) {
      const base = rows.find((r) => r.spec === row.spec && r.tool === BASELINE);
      const errors = row.tscClient!.errors === undefined ? '—' : String(row.tscClient!.errors);
      lines.push(`| ${[row.spec, row.tool, seconds(row.tscClient!), ratio(row.tscClient!, base?.tsc), errors].join(' | ')} |`);
    }
  }
  return lines.join('\n');
}

function seconds(m: Measured): string {
  if (m.failure) return m.failure;
  return m.ms.length ? `${(median(m.ms) / 1000).toFixed(2)} s` : '—';
}

function ratio(m: Measured, base: Measured | undefined): string {
  if (!base || base.failure || m.failure || !m.ms.length || !base.ms.length) return '—';
  return `${(median(m.ms) / median(base.ms)).toFixed(2)}×`;
}

function mib(m: Measured): string {
  return m.rssMiB.length ? `${Math.max(...m.rssMiB).toFixed(0)} MiB` : '—';
}

/** One line about the machine, so figures are read with their context. */
export function machineLine(): string {
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  return `${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, load average ${load}`;
}
