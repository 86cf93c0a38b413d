/**
 * The mocks emitter: `@switchboard/<api>/mocks`. It writes the mock
 * description (`src/mocks/spec.ts`), the typed response map, the entry with
 * the MSW handlers and `startMockServer`, and copies the hand-written runtime
 * (`generator/emit/mocks/runtime/`) verbatim to `src/mocks/runtime/`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { compareText } from '../../issues.js';
import type { ApiModel } from '../../model/types.js';
import { runtimeDir } from '../../paths.js';
import type { EmittedFile, Emitter } from '../types.js';
import { describeApi } from './describe.js';
import { emitEntryFile, emitResponsesFile, emitSpecFile } from './entry.js';

export const mocksEmitter: Emitter = {
  name: 'mocks',
  emit(model: ApiModel): EmittedFile[] {
    const taken = new Set(model.schemas.map((s) => s.typeName));
    let responsesType = 'MockResponses';
    while (taken.has(responsesType)) responsesType += '_';
    return [
      emitEntryFile(model, responsesType),
      emitResponsesFile(model, responsesType),
      emitSpecFile(model, describeApi(model)),
      ...runtimeFiles(),
    ];
  },
};

/** The runtime files, read once per process. */
let runtime: EmittedFile[] | undefined;

export function runtimeFiles(): EmittedFile[] {
  runtime ??= fs
    .readdirSync(runtimeDir('mocks'))
    .filter((name) => name.endsWith('.ts'))
    .sort(compareText)
    .map((name) => ({ path: `src/mocks/runtime/${name}`, content: fs.readFileSync(path.join(runtimeDir('mocks'), name), 'utf8'), formatted: true }));
  return runtime;
}
