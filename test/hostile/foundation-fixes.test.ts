/**
 * Regression tests for foundation bugs found by the hostile suite and the
 * corpus run, each pinned at the smallest spec that showed it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { build } from '../../generator/pipeline.js';
import type { ApiModel, SchemaNode } from '../../generator/model/types.js';
import { recoverOutput } from '../../generator/write/output.js';
import { snapshotTree, tempDir, writeTree } from '../helpers/temp.js';

async function model(spec: object): Promise<ApiModel> {
  const dir = writeTree({ 'openapi.yaml': stringify(spec) });
  return (await build({ spec: path.join(dir, 'openapi.yaml'), outDir: path.join(dir, 'out') }, [])).model;
}

function bodyOf(spec: object, ref: string): object {
  return {
    openapi: '3.1.0',
    info: { title: 'T', version: '1' },
    paths: { '/x': { post: { operationId: 'x', requestBody: { content: { 'application/json': { schema: { $ref: ref } } } }, responses: { '204': { description: 'ok' } } } } },
    ...spec,
  };
}

function refTarget(node: SchemaNode | undefined): string | undefined {
  return node?.kind === 'ref' ? node.target : undefined;
}

describe('$ref fragments are URI-decoded (RFC 6901 §6)', () => {
  it.each([
    ['a space written as %20', 'a b', '#/components/schemas/a%20b'],
    ['a backslash written as %5C', 'a\\b', '#/components/schemas/a%5Cb'],
    ['a literal %2e%2e~1 name, its % encoded as %25', '%2e%2e/', '#/components/schemas/%252e%252e~1'],
    ['a raw % that is not an escape', 'p%q', '#/components/schemas/p%q'],
    ['a raw %41 kept when the decoded name does not exist', 'p%41', '#/components/schemas/p%41'],
  ])('%s resolves to the one named schema', async (_name, key, ref) => {
    const m = await model(bodyOf({ components: { schemas: { [key]: { type: 'object', properties: { id: { type: 'string' } } } } } }, ref));
    expect(m.schemas.map((s) => s.name)).toEqual([key]);
    expect(refTarget(m.operations[0].body?.contents[0].schema)).toBe(m.schemas[0].typeName);
  });
});

describe('schema type names leave `<Name>Input` free for request variants', () => {
  it('a spec schema named XInput next to X gets another name (azure.com/mediaservices-streamingservice)', async () => {
    const m = await model(
      bodyOf(
        {
          components: {
            schemas: {
              LiveEvent: { type: 'object', properties: { id: { type: 'string', readOnly: true }, name: { type: 'string' } } },
              LiveEventInput: { type: 'object', properties: { url: { type: 'string' } } },
            },
          },
        },
        '#/components/schemas/LiveEventInput',
      ),
    );
    const names = m.schemas.map((s) => s.typeName);
    expect(names).toEqual(['LiveEvent', 'LiveEventInput2']);
    for (const n of names) expect(names).not.toContain(`${n}Input`);
    expect(refTarget(m.operations[0].body?.contents[0].schema)).toBe('LiveEventInput2');
  });

  it('holds for schemas hoisted from a $ref outside components too', async () => {
    const m = await model(
      bodyOf(
        { components: { schemas: { Thing: { type: 'object', properties: { id: { type: 'string' } } } } }, 'x-defs': { ThingInput: { type: 'string' } } },
        '#/x-defs/ThingInput',
      ),
    );
    expect(m.schemas.map((s) => s.typeName)).toEqual(['Thing', 'ThingInput2']);
  });
});

describe('formatting cache (the runtime files are formatted once per process)', () => {
  it('gives the same bytes on a hit and keys by parser as well as text', async () => {
    const { formatFiles } = await import('../../generator/write/format.js');
    const files = [
      { path: 'a.json', content: '[1,2]' },
      { path: 'a.ts', content: '[1,2]' },
    ];
    const first = await formatFiles(files);
    const second = await formatFiles(files);
    expect(first.map((f) => f.content)).toEqual(['[1, 2]\n', '[1, 2];\n']);
    expect(second).toEqual(first);
  });
});

describe('recovery after a run killed mid-swap keeps the user build folders', () => {
  const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid!;

  it('killed after moving node_modules into staging: it comes back, staging goes', () => {
    const dir = tempDir();
    const out = path.join(dir, 'out');
    writeTree({ 'README.md': 'old' }, out);
    const staging = `${out}.switchboard-staging-${deadPid()}`;
    writeTree({ 'README.md': 'new', 'node_modules/x/index.js': 'dep' }, staging);
    recoverOutput(out);
    expect(snapshotTree(out)).toEqual(snapshotTree(writeTree({ 'README.md': 'old', 'node_modules/x/index.js': 'dep' })));
    expect(fs.readdirSync(dir)).toEqual(['out']);
  });

  it('killed between the two renames: the previous output and node_modules both come back', () => {
    const dir = tempDir();
    const out = path.join(dir, 'out');
    writeTree({ 'README.md': 'old' }, `${out}.switchboard-previous`);
    writeTree({ 'README.md': 'new', 'node_modules/x/index.js': 'dep' }, `${out}.switchboard-staging-${deadPid()}`);
    recoverOutput(out);
    expect(fs.readFileSync(path.join(out, 'README.md'), 'utf8')).toBe('old');
    expect(fs.readFileSync(path.join(out, 'node_modules/x/index.js'), 'utf8')).toBe('dep');
    expect(fs.readdirSync(dir)).toEqual(['out']);
  });
});
