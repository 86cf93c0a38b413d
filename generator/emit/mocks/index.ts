/**
 * The mocks emitter: `@switchboard/<api>/mocks`. It writes the mock
 * description (`src/mocks/spec.ts`), the typed response map, the entry with
 * the MSW handlers and `startMockServer`, and adds the prebuilt runtime
 * (`runtime/mocks/`, built from `generator/emit/mocks/runtime/`; see runtime-build.ts).
 */
import type { ApiModel } from '../../model/types.js';
import { runtimeFiles } from '../runtime-build.js';
import type { EmittedFile, Emitter } from '../types.js';
import { describeApi } from './describe.js';
import { emitEntryFile, emitResponsesFile, emitSpecFile } from './entry.js';

export const mocksEmitter: Emitter = {
  name: 'mocks',
  async emit(model: ApiModel): Promise<EmittedFile[]> {
    const taken = new Set(model.schemas.map((s) => s.typeName));
    let responsesType = 'MockResponses';
    while (taken.has(responsesType)) responsesType += '_';
    return [
      emitEntryFile(model, responsesType),
      emitResponsesFile(model, responsesType),
      emitSpecFile(model, describeApi(model)),
      ...(await runtimeFiles('mocks')),
    ];
  },
};
