/**
 * The client emitter: model types (`src/models.ts`, for a large spec split
 * into `src/models/*.ts`, see models.ts), one resource class per tag
 * (`src/resources/<Tag>.ts`), the client class (`src/client.ts`), the
 * package entry (`src/index.ts`), each also as `dist/*.js` and `dist/*.d.ts`
 * (printed from the same declarations, see printer.ts), and the prebuilt
 * runtime (`runtime/client/`, see runtime-build.ts).
 */
import type { ApiModel } from '../../model/types.js';
import { runtimeFiles } from '../runtime-build.js';
import { moduleFiles } from '../ts.js';
import type { EmittedFile, Emitter } from '../types.js';
import { emitClient, emitIndex } from './client-class.js';
import { clientNames, clientSettings, resourceList } from './client-names.js';
import { emitModelFiles, modelLayout } from './models.js';
import { emitResource } from './resource.js';
import { findInputVariants } from './type-text.js';

export const clientEmitter: Emitter = {
  name: 'client',
  async emit(model: ApiModel): Promise<EmittedFile[]> {
    const names = clientNames(model);
    const settings = clientSettings(model);
    const inputVariants = findInputVariants(model);
    const models = modelLayout(model, inputVariants);
    return [
      ...emitModelFiles(model, models, inputVariants).flatMap(({ path, printed }) => moduleFiles(path, printed)),
      ...resourceList(model, names).flatMap(({ tag, className }) => moduleFiles(`src/resources/${tag.fileName}.ts`, emitResource(model, tag, className, names, settings, inputVariants, models))),
      ...moduleFiles('src/client.ts', emitClient(model, names, settings)),
      ...moduleFiles('src/index.ts', emitIndex(model, names)),
      ...(await runtimeFiles('client')),
    ];
  },
};

export { clientNames, clientSettings, iteratorName } from './client-names.js';
