/**
 * The client emitter: types for every named schema and the package entry.
 */
import type { ApiModel } from '../../model/types.js';
import type { EmittedFile, Emitter } from '../types.js';
import { GENERATED_HEADER } from '../ts.js';
import { emitModels } from './models.js';

export const clientEmitter: Emitter = {
  name: 'client',
  emit(model: ApiModel): EmittedFile[] {
    return [
      { path: 'src/models.ts', content: emitModels(model) },
      { path: 'src/index.ts', content: `${GENERATED_HEADER}export type * from './models.js';\n` },
    ];
  },
};
