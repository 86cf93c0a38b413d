/**
 * The mocks emitter: `@switchboard/<api>/mocks`. It writes the mock
 * description (`src/mocks/spec.ts`), the typed response map, the entry with
 * the MSW handlers and `startMockServer` (each with its `dist/` JavaScript
 * and declarations), and adds the prebuilt runtime
 * (`runtime/mocks/`, built from `generator/emit/mocks/runtime/`; see runtime-build.ts).
 */
import type { ApiModel } from '../../model/types.js';
import { runtimeFiles } from '../runtime-build.js';
import type { EmittedFile, Emitter } from '../types.js';
import { describeApi } from './describe.js';
import { emitEntryFiles, emitResponsesFiles, emitSpecFiles } from './entry.js';

export const mocksEmitter: Emitter = {
  name: 'mocks',
  async emit(model: ApiModel): Promise<EmittedFile[]> {
    const taken = new Set(model.schemas.map((s) => s.typeName));
    let responsesType = 'MockResponses';
    while (taken.has(responsesType)) responsesType += '_';
    return [
      ...emitEntryFiles(model, responsesType),
      ...emitResponsesFiles(model, responsesType),
      ...emitSpecFiles(model, describeApi(model)),
      ...(await runtimeFiles('mocks')),
    ];
  },
};
