/**
 * Child process for kill.test.ts: writes a package with the real writer
 * (`writeOutput`) on a simulated slow disk, so the parent can SIGKILL it at a
 * chosen point of the write. Usage: kill-writer.ts FILES.json OUT_DIR
 */
import fs from 'node:fs';

/** Blocks this thread for `ms`, as a slow disk would. */
function stall(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

const [filesJson, outDir] = process.argv.slice(2);
const files = (JSON.parse(fs.readFileSync(filesJson, 'utf8')) as { path: string; base64: string }[]).map((f) => ({
  path: f.path,
  content: Buffer.from(f.base64, 'base64').toString('utf8'),
}));

const { writeFileSync, renameSync } = fs;
fs.writeFileSync = ((...args: Parameters<typeof writeFileSync>) => {
  stall(3);
  return writeFileSync(...args);
}) as typeof writeFileSync;
fs.renameSync = ((...args: Parameters<typeof renameSync>) => {
  stall(150);
  renameSync(...args);
  stall(150);
}) as typeof renameSync;

const { writeOutput } = await import('../../generator/write/output.js');
writeOutput(outDir, files);
