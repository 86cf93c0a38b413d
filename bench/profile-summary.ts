/**
 * Summarises a `.cpuprofile` written by `node --cpu-prof`: the functions with
 * the most self time, and the most inclusive time (self + callees), so a
 * profile can be read in a terminal and quoted in a report.
 *
 *   npx tsx bench/profile-summary.ts PROFILE.cpuprofile [--top N] [--filter TEXT]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Milliseconds of self and inclusive time per function (name + file + line). */
export function summarise(profile: Profile): { self: Map<string, number>; total: Map<string, number>; ms: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let ms = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    ms += dt;
    const key = label(byId.get(id)!);
    self.set(key, (self.get(key) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = label(byId.get(at)!);
      if (seen.has(k)) continue; // recursion counts once
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + dt);
    }
  });
  return { self, total, ms };
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url ? shortUrl(url) : '';
  return `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`;
}

function shortUrl(url: string): string {
  const p = url.replace(/^file:\/\//, '');
  const nm = p.lastIndexOf('node_modules/');
  return nm >= 0 ? p.slice(nm + 'node_modules/'.length) : path.relative(process.cwd(), p);
}

function top(map: Map<string, number>, n: number, filter?: string): string[] {
  return [...map.entries()]
    .filter(([k]) => !filter || k.includes(filter))
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${v.toFixed(0).padStart(7)} ms  ${k}`);
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { top: { type: 'string', default: '25' }, filter: { type: 'string' } },
  });
  if (positionals.length !== 1) {
    process.stderr.write('usage: tsx bench/profile-summary.ts PROFILE.cpuprofile [--top N] [--filter TEXT]\n');
    process.exitCode = 2;
    return;
  }
  const { self, total, ms } = summarise(JSON.parse(fs.readFileSync(positionals[0], 'utf8')) as Profile);
  const n = Number(values.top);
  process.stdout.write(`sampled ${ms.toFixed(0)} ms\n\nself time:\n${top(self, n, values.filter).join('\n')}\n`);
  process.stdout.write(`\ninclusive time:\n${top(total, n, values.filter).join('\n')}\n`);
}

main();
