/** Temporary folders for tests, removed when the process exits. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];
const cleanUp = (): void => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
};
// Vitest reuses worker processes, so 'exit' alone left folders behind: clean up after each test file too.
afterAll(cleanUp);
process.on('exit', cleanUp);

/** A new empty folder under the OS temp dir. */
export function tempDir(prefix = 'switchboard-test-'): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  made.push(dir);
  return dir;
}

/** Writes `files` (relative path → text) into a new temp folder and returns it. */
export function writeTree(files: Record<string, string>, dir = tempDir()): string {
  for (const [rel, text] of Object.entries(files)) {
    const target = path.join(dir, rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
  }
  return dir;
}

/** Every file below `dir` with its bytes, as a sorted map: a byte-exact picture of a folder. */
export function snapshotTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string): void => {
    const abs = path.join(dir, rel);
    if (!fs.existsSync(abs)) return;
    for (const e of fs.readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(child);
      else out.set(child, fs.readFileSync(path.join(dir, child)).toString('base64'));
    }
  };
  walk('');
  return out;
}

/** The smallest valid spec, with optional extra YAML appended under `paths`. */
export function minimalSpec(paths = `  /things:\n    get:\n      operationId: listThings\n      responses:\n        '200':\n          description: ok\n`): string {
  return `openapi: 3.1.0\ninfo:\n  title: T\n  version: 1.0.0\npaths:\n${paths}`;
}
