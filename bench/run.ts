/**
 * `npm run bench`: Switchboard's full generation against its peers, each run
 * as a whole process on the same specs, then `tsc --noEmit` on every output.
 *
 *   tsx bench/run.ts [--runs N] [--tsc-runs N] [--specs a,b] [--tools a,b] [--no-tsc] [--timeout S]
 *
 * Runs are interleaved (run 1 of every spec × tool, then run 2, …) so a burst
 * of load on a shared machine spreads over every tool. Prints a Markdown table
 * of medians and peak RSS with ratios to openapi-typescript; writes the raw
 * figures to bench/.out/results.json. No figure is asserted: this is not a test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { run, RSS_SOURCE } from './measure.js';
import { machineLine, table, type Measured, type Row } from './report.js';
import { SPECS, type BenchSpec } from './specs.js';
import { countTscErrors, outputSize, ROOT, TOOLS, tscCommand, type Command, type Tool } from './tools.js';

const OUT = path.join(ROOT, 'bench', process.env.BENCH_OUT ?? '.out');

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    'tsc-runs': { type: 'string' },
    specs: { type: 'string' },
    tools: { type: 'string' },
    'no-tsc': { type: 'boolean', default: false },
    timeout: { type: 'string', default: '600' },
  },
});
const runs = Number(values.runs);
const tscRuns = Number(values['tsc-runs'] ?? values.runs);
const timeoutMs = Number(values.timeout) * 1000;
const specs = pick(SPECS, values.specs, 'spec');
const tools = pick(TOOLS, values.tools, 'tool');

function pick<T extends { id: string }>(all: readonly T[], list: string | undefined, what: string): T[] {
  if (!list) return [...all];
  const ids = list.split(',').map((s) => s.trim());
  const unknown = ids.filter((id) => !all.some((x) => x.id === id));
  if (unknown.length) throw new Error(`unknown ${what} ${unknown.join(', ')}; known: ${all.map((x) => x.id).join(', ')}`);
  return all.filter((x) => ids.includes(x.id));
}

function preflight(): void {
  const cli = path.join(ROOT, 'dist', 'generator', 'cli.js');
  if (!fs.existsSync(cli)) throw new Error('dist/generator/cli.js is missing: run `npm run build` first');
  for (const s of specs) for (const f of s.files) if (!fs.existsSync(f)) throw new Error(`${f} is missing: run \`npm install --prefix bench\``);
}

function outDir(spec: BenchSpec, tool: Tool): string {
  return path.join(OUT, spec.id, tool.id);
}

/** Runs one command, adds its figures to `into`, and returns its output (undefined on a time-out). */
async function measure(cmd: Command, into: Measured, label: string): Promise<{ log: string; code: number | null } | undefined> {
  const r = await run(cmd.command, cmd.args, { cwd: cmd.cwd, timeoutMs });
  into.ms.push(r.ms);
  if (r.rssMiB !== undefined) into.rssMiB.push(r.rssMiB);
  if (r.cpuMs !== undefined) into.cpuMs.push(r.cpuMs);
  process.stderr.write(`  ${label}: ${(r.ms / 1000).toFixed(2)} s, ${r.rssMiB?.toFixed(0) ?? '?'} MiB${r.code ? `, exit ${r.code}` : ''}\n`);
  if (!r.timedOut) return { log: `${r.stdout}\n${r.stderr}`, code: r.code };
  into.failure = `timed out (${values.timeout} s)`;
  return undefined;
}

async function generateAll(rows: Row[]): Promise<void> {
  for (let i = 1; i <= runs; i++) {
    for (const row of rows) {
      if (row.gen.failure) continue;
      const spec = specs.find((s) => s.id === row.spec)!;
      const tool = tools.find((t) => t.id === row.tool)!;
      const dir = outDir(spec, tool);
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(dir, { recursive: true });
      const result = await measure(tool.generate(spec.files, dir), row.gen, `run ${i}/${runs} ${spec.id} ${tool.id}`);
      if (result?.code) {
        row.gen.failure = `failed (exit ${result.code})`;
        fs.writeFileSync(path.join(OUT, `${spec.id}.${tool.id}.gen.log`), result.log);
      }
      if (!row.gen.failure) row.size = outputSize(dir);
    }
  }
}

async function typecheckAll(rows: Row[]): Promise<void> {
  for (const row of rows) {
    if (row.gen.failure) continue;
    const spec = specs.find((s) => s.id === row.spec)!;
    const tool = tools.find((t) => t.id === row.tool)!;
    if (spec.files.length > 1) continue; // the combined seed run is three packages; each is checked on its own row
    row.tsc = await typecheck(tool.tsconfig(outDir(spec, tool)), `${spec.id}.${tool.id}.tsc`);
    if (tool.clientTsconfig) row.tscClient = await typecheck(tool.clientTsconfig(outDir(spec, tool)), `${spec.id}.${tool.id}.tsc-client`);
  }
}

/** `tscRuns` runs of tsc on one tsconfig; the last run's output is kept in `<label>.log`. */
async function typecheck(tsconfig: string, label: string): Promise<Measured & { errors?: number }> {
  const tsc: Measured & { errors?: number } = { ms: [], rssMiB: [], cpuMs: [] };
  for (let i = 1; i <= tscRuns && !tsc.failure; i++) {
    const result = await measure(tscCommand(tsconfig), tsc, `${label} ${i}/${tscRuns}`);
    if (!result) break;
    tsc.errors = countTscErrors(result.log);
    fs.writeFileSync(path.join(OUT, `${label}.log`), result.log);
  }
  return tsc;
}

async function main(): Promise<void> {
  preflight();
  fs.mkdirSync(OUT, { recursive: true });
  const rows: Row[] = [];
  for (const spec of specs) {
    for (const tool of tools) {
      if (spec.oursOnly && !tool.id.startsWith('switchboard')) continue;
      rows.push({ spec: spec.id, tool: tool.id, label: tool.label, gen: { ms: [], rssMiB: [], cpuMs: [] } });
      for (const kind of ['gen', 'tsc', 'tsc-client']) fs.rmSync(path.join(OUT, `${spec.id}.${tool.id}.${kind}.log`), { force: true });
    }
  }
  const before = machineLine();
  await generateAll(rows);
  if (!values['no-tsc']) await typecheckAll(rows);
  const header = [
    `machine at start: ${before}`,
    `machine at end:   ${machineLine()}`,
    `generation: median of ${runs} whole-process runs; tsc: median of ${tscRuns}; peak RSS: max over runs (${RSS_SOURCE}); CPU = user + system`,
  ];
  fs.writeFileSync(path.join(OUT, 'results.json'), JSON.stringify({ header, rows }, null, 2));
  process.stdout.write(`\n${header.join('\n')}\n\n${table(rows)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
