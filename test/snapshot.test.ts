/**
 * Snapshots pin everything the generator emits. The snapshot files are the
 * committed `generated/<api>/` packages themselves (readable, type-checkable
 * files): `npx vitest run -u test/snapshot.test.ts` or `npm run generate`
 * updates them, and a change nobody regenerated fails here.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../generator/pipeline.js';
import { withManifest } from '../generator/write/manifest.js';
import { listFiles } from '../generator/write/output.js';

describe.each(['bandwidth', 'plivo', 'twilio'])('generated/%s', (api) => {
  it('matches what the generator emits, file for file', async () => {
    const outDir = path.resolve('generated', api);
    const result = await build({ spec: path.resolve('specs', `${api}.yaml`), outDir });
    // What the writer writes: the emitted files and the manifest listing them.
    const files = withManifest(result.files);
    for (const file of files) {
      const content = typeof file.content === 'string' ? file.content : Buffer.from(file.content).toString('base64');
      await expect(content, file.path).toMatchFileSnapshot(path.join(outDir, file.path));
    }
    expect(listFiles(outDir).sort()).toEqual(files.map((f) => f.path).sort());
  });
});
