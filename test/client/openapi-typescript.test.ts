/**
 * Our schema → type conversion against openapi-typescript's, schema by
 * schema: for every component schema of the three specs the two types must be
 * mutually assignable. (We keep our own conversion for named exports with
 * JSDoc, `<Name>Input` request variants and hostile-text escaping; this test
 * shows it agrees with the reference on what the types accept. The one
 * deliberate difference: a property with a `default` stays optional.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { beforeAll, expect, it } from 'vitest';
import { emitModels } from '../../generator/emit/client/models.js';
import { loadSpec } from '../../generator/load/index.js';
import { buildModel } from '../../generator/model/build.js';
import { propertyKey, stringLiteral } from '../../generator/model/names.js';
import { writeTree } from '../helpers/temp.js';
import { APIS, type Api } from './helpers/generate.js';

const checked = {} as Record<Api, string[]>;
let errors: string[] = [];

beforeAll(async () => {
  const files: Record<string, string> = { 'package.json': '{"type":"module"}' };
  for (const api of APIS) {
    const spec = path.resolve('specs', `${api}.yaml`);
    const model = buildModel(await loadSpec(spec));
    files[`${api}/models.ts`] = emitModels(model).ts.text;
    // openapi-typescript makes properties with a `default` required unless told otherwise; that is
    // wrong for request bodies (the caller may leave them out), so we keep them optional, as here.
    files[`${api}/reference.ts`] = astToString(await openapiTS(pathToFileURL(spec), { defaultNonNullable: false }));
    const lines = model.schemas.map(
      (s) => `export const ${propertyKey(`check_${s.typeName}`)}: Same<M.${s.typeName}, components['schemas'][${stringLiteral(s.name)}]> = true;`,
    );
    checked[api] = model.schemas.map((s) => s.name);
    files[`${api}/check.ts`] = [
      `import type * as M from './models.js';`,
      `import type { components } from './reference.js';`,
      'type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;',
      ...lines,
    ].join('\n');
  }
  const dir = writeTree(files);
  const program = ts.createProgram(
    APIS.map((api) => path.join(dir, api, 'check.ts')),
    { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: [] },
  );
  errors = ts.getPreEmitDiagnostics(program).map((d) => {
    const line = d.file && d.start !== undefined ? d.file.text.slice(d.file.getLineStarts()[d.file.getLineAndCharacterOfPosition(d.start).line], d.start + 40) : '';
    return `${path.relative(dir, d.file?.fileName ?? '')}: ${line.split(':')[0]} ${ts.flattenDiagnosticMessageText(d.messageText, ' ').slice(0, 200)}`;
  });
  expect(fs.existsSync(path.join(dir, 'plivo/reference.ts'))).toBe(true);
}, 120_000);

it('checks every component schema of the three specs', () => {
  expect(APIS.map((api) => checked[api].length)).toEqual([44, 43, 12]);
});

it('every model type is equivalent to openapi-typescript’s', () => {
  expect(errors).toEqual([]);
});
