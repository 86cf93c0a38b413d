/**
 * The client emitter: model types (`src/models.ts`), one resource class per
 * tag (`src/resources/<Tag>.ts`), the client class (`src/client.ts`), the
 * package entry (`src/index.ts`) and the copied runtime (`src/runtime/`).
 */
import type { ApiModel } from '../../model/types.js';
import type { EmittedFile, Emitter } from '../types.js';
import { emitClient, emitIndex } from './client-class.js';
import { clientNames, clientSettings, resourceList } from './client-names.js';
import { emitModels } from './models.js';
import { emitResource } from './resource.js';
import { runtimeFiles } from './runtime-files.js';

export const clientEmitter: Emitter = {
  name: 'client',
  emit(model: ApiModel): EmittedFile[] {
    const names = clientNames(model);
    const settings = clientSettings(model);
    return [
      { path: 'src/models.ts', content: emitModels(model) },
      ...resourceList(model, names).map(({ tag, className }) => ({
        path: `src/resources/${tag.fileName}.ts`,
        content: emitResource(model, tag, className, names, settings),
      })),
      { path: 'src/client.ts', content: emitClient(model, names, settings) },
      { path: 'src/index.ts', content: emitIndex(model, names) },
      ...runtimeFiles(),
    ];
  },
};

export { clientNames, clientSettings, iteratorName } from './client-names.js';
