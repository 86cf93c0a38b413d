/**
 * One fixture per lint rule: the bad spec gets exactly the listed problems
 * (code, line, col), and the good spec — which uses every construct the rules
 * look at — gets none.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintSpec } from '../../generator/lint/index.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/lint');

type Want = [code: string, line: number, col: number, file?: string];

const CASES: [fixture: string, want: Want[]][] = [
  ['struct.yaml', [['struct', 12, 7]]],
  ['operation-id-unique.yaml', [['operation-id-unique', 28, 7]]],
  ['operation-id-valid.yaml', [['operation-id-valid', 28, 7], ['operation-id-valid', 34, 5], ['operation-id-valid', 41, 7]]],
  ['operation-summary.yaml', [['operation-summary', 9, 5]]],
  ['operation-tag.yaml', [['operation-tag', 9, 5]]],
  ['path-params.yaml', [['path-params', 9, 5], ['path-params', 18, 11]]],
  [
    'example-invalid.yaml',
    [['example-invalid', 18, 11], ['example-invalid', 25, 15], ['example-invalid', 40, 47], ['example-invalid', 41, 46], ['example-invalid', 44, 27]],
  ],
  ['example-invalid-30.yaml', [['example-invalid', 34, 48]]],
  ['multi/root.yaml', [['example-invalid', 6, 25, 'multi/schemas.yaml']]],
  ['ref-unresolved.yaml', [['ref-unresolved', 34, 18], ['ref-unresolved', 35, 19]]],
  ['component-unused.yaml', [['component-unused', 34, 5]]],
  ['security-defined.yaml', [['security-defined', 12, 11], ['security-defined', 27, 5]]],
  ['operation-4xx.yaml', [['operation-4xx', 18, 7]]],
  [
    'extension-invalid.yaml',
    [['extension-invalid', 7, 3], ['extension-invalid', 9, 1], ['extension-invalid', 18, 7], ['extension-invalid', 19, 35], ['extension-invalid', 24, 11]],
  ],
  ['extension-invalid-params.yaml', [['extension-invalid', 17, 9], ['extension-invalid', 26, 11]]],
  ['yaml-invalid.yaml', [['yaml-invalid', 12, 7]]],
];

describe('lint rules', () => {
  it.each(CASES)('%s', async (fixture, want) => {
    const result = await lintSpec(path.join(FIXTURES, fixture));
    const got = result.issues.map((i) => [i.code, i.line, i.col, path.relative(FIXTURES, i.file)]);
    expect(got).toEqual(want.map(([code, line, col, file]) => [code, line, col, file ?? fixture]));
  });

  it('reports component-unused as a warning and every other rule as an error', async () => {
    const unused = await lintSpec(path.join(FIXTURES, 'component-unused.yaml'));
    expect(unused).toMatchObject({ errors: 0, warnings: 1 });
    const struct = await lintSpec(path.join(FIXTURES, 'struct.yaml'));
    expect(struct).toMatchObject({ errors: 1, warnings: 0 });
  });

  it('finds nothing in a spec that uses every extension, examples everywhere and a discriminator', async () => {
    const result = await lintSpec(path.join(FIXTURES, 'good.yaml'));
    expect(result.issues).toEqual([]);
  });

  it('says what is wrong, in the rule’s own words', async () => {
    const ext = await lintSpec(path.join(FIXTURES, 'extension-invalid.yaml'));
    expect(ext.issues.map((i) => i.message)).toEqual([
      "x-switchboard-client: /credentials must have required property 'password'",
      'x-switchboard-pagination is not allowed on the document root; it belongs on an operation',
      'unknown extension x-switchboard-pages; see "Spec extensions" in the Switchboard README for the ones it reads',
      'x-switchboard-rate-limit: /requests must be > 0',
      "x-switchboard-account-param: the value must have required property 'option'",
    ]);
    const ids = await lintSpec(path.join(FIXTURES, 'operation-id-valid.yaml'));
    expect(ids.issues[2].message).toBe('operationId "get_pet" gives the same method name (getPet) as "getPet"');
  });
});

describe('lint reads only the spec’s own files', () => {
  it('never fetches a URL $ref or reads outside the spec folder, and reports both as located errors', async () => {
    const { createServer } = await import('node:http');
    const fs = await import('node:fs');
    const os = await import('node:os');
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.end('type: string\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-lint-refs-'));
    try {
      fs.mkdirSync(path.join(dir, 'spec'));
      fs.writeFileSync(path.join(dir, 'outside.yaml'), 'Secret: { type: string }\n');
      const base = fs.readFileSync(path.join(FIXTURES, 'good.yaml'), 'utf8');
      const spec = base.replace(
        "        request_id: { type: string }\n",
        `        request_id: { type: string }\n        remote: { $ref: 'http://127.0.0.1:${port}/x.yaml' }\n        secret: { $ref: '../outside.yaml#/Secret' }\n`,
      );
      fs.writeFileSync(path.join(dir, 'spec/api.yaml'), spec);
      const result = await lintSpec(path.join(dir, 'spec/api.yaml'));
      const line = spec.split('\n').findIndex((l) => l.includes('remote:')) + 1;
      expect(result.issues.map((i) => [i.code, i.line])).toEqual([
        ['ref-forbidden', line],
        ['ref-forbidden', line + 1],
      ]);
      expect(requests).toBe(0);
    } finally {
      server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
