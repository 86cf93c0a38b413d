/** The gate `npm test` runs: the real specs and the starter spec of `switchboard init` are lint-clean. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../generator/issues.js';
import { lintSpec, lintSpecs } from '../../generator/lint/index.js';
import { STARTER_SPEC } from '../../generator/lint/starter-spec.js';
import { defaultSpecs } from '../../generator/commands/shared.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('lint over specs/', () => {
  it('finds no error and no warning in any spec', async () => {
    const specs = defaultSpecs(ROOT);
    expect(specs.map((s) => path.basename(s))).toEqual(expect.arrayContaining(['bandwidth.yaml', 'plivo.yaml', 'twilio.yaml']));
    const results = await lintSpecs(specs);
    expect(results.flatMap((r) => r.issues.map((i) => formatIssue(i, ROOT)))).toEqual([]);
  });

  it('finds nothing in the starter spec that init writes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-starter-'));
    try {
      fs.writeFileSync(path.join(dir, 'api.yaml'), STARTER_SPEC);
      const result = await lintSpec(path.join(dir, 'api.yaml'));
      expect(result.issues.map((i) => formatIssue(i, dir))).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
