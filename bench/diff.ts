/**
 * `switchboard diff` on a real spec history: every consecutive pair of
 * published versions of `@octokit/openapi` (GitHub's 13 MB
 * `api.github.com.json`), each diff a whole `switchboard diff --format json`
 * process (wall, CPU, peak RSS), plus the newest version against itself.
 *
 *   npm run bench:diff                      # every version on the registry
 *   npm run bench:diff -- --versions 6      # the newest 6
 *   npm run bench:diff -- --rules-only      # without the type checker
 *
 * The tarballs (about 29 MB each) are fetched with `npm pack` into
 * bench/.tmp-octokit/ (kept between runs) and only the spec is extracted.
 * Needs `npm run build` first (it runs dist/generator/cli.js, as users do).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { run, RSS_SOURCE } from './measure.js';
import { machineLine } from './report.js';
import { ROOT } from './tools.js';

const CACHE = path.join(ROOT, 'bench', '.tmp-octokit');
const PACKAGE = '@octokit/openapi';
const SPEC_IN_TARBALL = 'package/generated/api.github.com.json';

const { values } = parseArgs({
  options: {
    versions: { type: 'string' },
    'rules-only': { type: 'boolean', default: false },
    timeout: { type: 'string', default: '900' },
  },
});

interface Row {
  from: string;
  to: string;
  ms: number;
  cpuMs?: number;
  rssMiB?: number;
  bump: string;
  breaking: number;
  feature: number;
  fix: number;
  checks: number;
  failed: number;
  contradictions: number;
  proof?: { emit: number; load: number; check: number };
  error?: string;
}

/** Published versions that ship GitHub's spec, oldest first (the newest `count` when given). */
function versions(count: number | undefined): string[] {
  const all = JSON.parse(execFileSync('npm', ['view', PACKAGE, 'versions', '--json'], { encoding: 'utf8' })) as string[];
  const stable = all.filter((v) => /^\d+\.\d+\.\d+$/.test(v));
  return count ? stable.slice(-count) : stable;
}

/** The spec of one version, fetched and extracted once; undefined for a version without it (the oldest ones). */
function specOf(version: string): string | undefined {
  const spec = path.join(CACHE, `api.github.com-${version}.json`);
  if (fs.existsSync(spec)) return spec;
  fs.mkdirSync(CACHE, { recursive: true });
  const tarball = execFileSync('npm', ['pack', `${PACKAGE}@${version}`, '--pack-destination', CACHE, '--silent'], { encoding: 'utf8' }).trim().split('\n').pop()!;
  const file = path.join(CACHE, tarball);
  try {
    fs.writeFileSync(spec, execFileSync('tar', ['-xzOf', file, SPEC_IN_TARBALL], { maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] }));
    return spec;
  } catch {
    return undefined;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

async function diff(from: string, to: string, a: string, b: string): Promise<Row> {
  const cli = path.join(ROOT, 'dist', 'generator', 'cli.js');
  const out = path.join(ROOT, 'bench', '.out', 'diff', `${from}-${to}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;
  // The report can be megabytes: it goes to a file (sh execs node, so time measures node).
  const command = ['exec', process.execPath, cli, 'diff', a, b, '--format', 'json', ...(values['rules-only'] ? ['--rules-only'] : [])].map((x, i) => (i === 0 ? x : quote(x))).join(' ');
  const result = await run('sh', ['-c', `${command} > ${quote(out)}`], { cwd: ROOT, timeoutMs: Number(values.timeout) * 1000 });
  const base = { from, to, ms: result.ms, cpuMs: result.cpuMs, rssMiB: result.rssMiB };
  if (result.code !== 0) return { ...base, bump: 'error', breaking: 0, feature: 0, fix: 0, checks: 0, failed: 0, contradictions: 0, error: (result.stderr || 'timed out').slice(0, 500) };
  const report = JSON.parse(fs.readFileSync(out, 'utf8')) as { bump: string; changes: { kind: string; code: string }[]; proof: { checks: number; failed: number; timings?: Row['proof'] }; contradictions: unknown[] };
  const count = (kind: string) => report.changes.filter((c) => c.kind === kind).length;
  for (const c of report.changes) codes.set(c.code, (codes.get(c.code) ?? 0) + 1);
  return { ...base, bump: report.bump, breaking: count('breaking'), feature: count('feature'), fix: count('fix'), checks: report.proof.checks, failed: report.proof.failed, contradictions: report.contradictions.length, proof: report.proof.timings };
}

/** Changes found in all pairs, by code. */
const codes = new Map<string, number>();

const s = (ms: number | undefined) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`);

function table(rows: Row[]): string {
  const head = '| from → to | wall | CPU | peak RSS | bump | breaking | feature | fix | checks (failed) | emit / load / check | disagreements |\n|---|--:|--:|--:|---|--:|--:|--:|--:|--:|--:|';
  const lines = rows.map((r) =>
    r.error
      ? `| ${r.from} → ${r.to} | ${s(r.ms)} | | | error: ${r.error.split('\n')[0]} | | | | | | |`
      : `| ${r.from} → ${r.to} | ${s(r.ms)} | ${s(r.cpuMs)} | ${r.rssMiB === undefined ? '–' : Math.round(r.rssMiB)} MiB | ${r.bump} | ${r.breaking} | ${r.feature} | ${r.fix} | ${r.checks} (${r.failed}) | ${r.proof ? `${s(r.proof.emit)} / ${s(r.proof.load)} / ${s(r.proof.check)}` : '–'} | ${r.contradictions} |`,
  );
  return [head, ...lines].join('\n');
}

const list = versions(values.versions ? Number(values.versions) : undefined);
console.log(`${machineLine()}; RSS from ${RSS_SOURCE}; ${list.length} versions of ${PACKAGE}: ${list.join(', ')}`);
const specs = list.map((v) => [v, specOf(v)] as const).filter((e): e is readonly [string, string] => e[1] !== undefined);
const rows: Row[] = [];
for (let i = 1; i < specs.length; i++) {
  const row = await diff(specs[i - 1][0], specs[i][0], specs[i - 1][1], specs[i][1]);
  rows.push(row);
  console.log(table([row]).split('\n').pop());
}
const [newest, newestSpec] = specs[specs.length - 1];
rows.push(await diff(newest, newest, newestSpec, newestSpec));
const total = (key: 'breaking' | 'feature' | 'fix') => rows.reduce((n, r) => n + r[key], 0);
console.log(`\n${table(rows)}\n\n${rows.length - 1} consecutive pairs: ${total('breaking')} breaking, ${total('feature')} feature, ${total('fix')} fix changes in all.`);
console.log([...codes].sort((x, y) => y[1] - x[1]).map(([code, n]) => `${code} ${n}`).join(', '));
fs.mkdirSync(path.join(ROOT, 'bench', '.out'), { recursive: true });
fs.writeFileSync(path.join(ROOT, 'bench', '.out', 'diff-results.json'), JSON.stringify(rows, null, 2));
