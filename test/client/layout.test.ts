/**
 * The client and package files are printed in prettier's layout and claimed
 * `formatted`, so the pipeline skips prettier for them. Here prettier checks
 * those claims on a spec built to put every construct the client prints on
 * both sides of the 100-column line (`layout-spec.ts`), and files with keys
 * prettier would write differently are left to prettier.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientEmitter } from '../../generator/emit/client/index.js';
import { packageEmitter } from '../../generator/emit/package/index.js';
import type { EmittedFile } from '../../generator/emit/types.js';
import { loadSpec } from '../../generator/load/index.js';
import { buildModel } from '../../generator/model/build.js';
import { falselyFormatted } from '../../generator/write/format.js';
import { writeTree } from '../helpers/temp.js';
import { layoutSpec } from './layout-spec.js';

async function emit(spec: object): Promise<EmittedFile[]> {
  const dir = writeTree({ 'openapi.json': JSON.stringify(spec) });
  const model = buildModel(await loadSpec(path.join(dir, 'openapi.json')));
  return [...(await clientEmitter.emit(model)), ...(await packageEmitter.emit(model))];
}

describe('client files in prettier layout', () => {
  it.each(['bandwidth', 'plivo', 'twilio'])('%s: every client and package file is claimed', async (api) => {
    const model = buildModel(await loadSpec(path.resolve('specs', `${api}.yaml`)));
    const files = [...(await clientEmitter.emit(model)), ...(await packageEmitter.emit(model))];
    expect(files.filter((f) => !f.formatted).map((f) => f.path)).toEqual([]);
  });

  it('claims every file of a spec with lines on both sides of the width, and prettier agrees', async () => {
    const files = await emit(layoutSpec());
    expect(files.filter((f) => !f.formatted).map((f) => f.path)).toEqual([]);
    const printed = files.filter((f) => !f.path.startsWith('runtime/'));
    expect(printed.length).toBeGreaterThan(20);
    expect(await falselyFormatted(printed)).toEqual([]);
  }, 120_000);

  it('leaves a file to prettier when prettier might unquote one of its keys', async () => {
    const spec = (properties: object) => ({
      openapi: '3.0.3',
      info: { title: 'Keys', version: '1.0.0' },
      paths: {
        '/a': { get: { operationId: 'getA', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } } } } } },
      },
      components: { schemas: { A: { type: 'object', properties } } },
    });
    const claimed = async (properties: object) => {
      const files = await emit(spec(properties));
      expect(await falselyFormatted(files)).toEqual([]);
      return Object.fromEntries(files.filter((f) => f.path.startsWith('src/') && !f.path.startsWith('src/mocks/')).map((f) => [f.path, f.formatted]));
    };
    const string = { type: 'string' };
    expect(await claimed({ 'plain-key': string, 'key with spaces': string, 'Ar e Ventilação': string })).toEqual({ 'src/models.ts': true, 'src/resources/Default.ts': true, 'src/client.ts': true, 'src/index.ts': true });
    // prettier writes these two without quotes: `__proto__` and a non-ASCII identifier.
    expect((await claimed({ ['__proto__']: string }))['src/models.ts']).toBe(false);
    expect((await claimed({ 'größe': string }))['src/models.ts']).toBe(false);
  });
});
