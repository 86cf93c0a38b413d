/**
 * Child-process runner for the docs examples (`node --import tsx`): serves
 * the packages' MSW mock handlers, then imports each example module in turn
 * and reports, as JSON on stdout, whether it threw or printed an error.
 * Examples that start their own mocks (MSW or the mock server) run last,
 * after the runner's own interception is closed.
 *
 * argv[2]: a JSON file `{ mocks: string[], examples: { id, file }[] }`.
 */
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { setupServer } from 'msw/node';
import type { HttpHandler } from 'msw';

interface Manifest {
  mocks: string[];
  examples: { id: string; file: string }[];
}

export interface ExampleOutcome {
  id: string;
  logs: number;
  errors: string[];
}

const manifest = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')) as Manifest;
const mocks = await Promise.all(manifest.mocks.map((m) => import(pathToFileURL(m).href) as Promise<{ handlers: HttpHandler[]; mock: { reset(): void } }>));
const server = setupServer(...mocks.flatMap((m) => m.handlers));
server.listen({ onUnhandledRequest: 'error' });

const ownsMocks = (file: string) => /setupServer\(|startMockServer\(/.test(fs.readFileSync(file, 'utf8'));
const ordered = [...manifest.examples.filter((e) => !ownsMocks(e.file)), ...manifest.examples.filter((e) => ownsMocks(e.file))];
const outcomes: ExampleOutcome[] = [];
const { log, error } = console;
let closed = false;
for (const example of ordered) {
  if (!closed && ownsMocks(example.file)) {
    server.close();
    closed = true;
  }
  for (const m of mocks) m.mock.reset();
  process.stderr.write(`running ${example.id}\n`);
  const outcome: ExampleOutcome = { id: example.id, logs: 0, errors: [] };
  console.log = () => void outcome.logs++;
  console.error = (...args: unknown[]) => void outcome.errors.push(args.map(String).join(' '));
  try {
    await import(pathToFileURL(example.file).href);
  } catch (e) {
    outcome.errors.push(`threw: ${(e as Error).message}`);
  }
  outcomes.push(outcome);
}
console.log = log;
console.error = error;
if (!closed) server.close();
// An example that failed half-way may leave a server open: report, then end the process regardless.
process.stdout.write(`${JSON.stringify(outcomes)}\n`, () => process.exit(0));
