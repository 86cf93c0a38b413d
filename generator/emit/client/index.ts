/**
 * The client emitter: model types (`src/models.ts`, for a large spec split
 * into `src/models/*.ts`, see models.ts), one resource class per tag
 * (`src/resources/<Tag>.ts`), the client class (`src/client.ts`), the
 * package entry (`src/index.ts`) and the prebuilt runtime (`runtime/client/`,
 * see runtime-build.ts).
 */
import type { ApiModel } from '../../model/types.js';
import { runtimeFiles } from '../runtime-build.js';
import type { EmittedFile, Emitter } from '../types.js';
import { emitClient, emitIndex } from './client-class.js';
import { clientNames, clientSettings, resourceList } from './client-names.js';
import { emitModelFiles, modelLayout } from './models.js';
import type { PrintedFile } from './printer.js';
import { emitResource } from './resource.js';
import { findInputVariants } from './type-text.js';

export const clientEmitter: Emitter = {
  name: 'client',
  async emit(model: ApiModel): Promise<EmittedFile[]> {
    const names = clientNames(model);
    const settings = clientSettings(model);
    const inputVariants = findInputVariants(model);
    const models = modelLayout(model, inputVariants);
    const file = (path: string, { text, formatted }: PrintedFile): EmittedFile => ({ path, content: text, formatted });
    return [
      ...emitModelFiles(model, models, inputVariants).map(({ path, printed }) => file(path, printed)),
      ...resourceList(model, names).map(({ tag, className }) => file(`src/resources/${tag.fileName}.ts`, emitResource(model, tag, className, names, settings, inputVariants, models))),
      file('src/client.ts', emitClient(model, names, settings)),
      file('src/index.ts', emitIndex(model, names)),
      ...(await runtimeFiles('client')),
    ];
  },
};

export { clientNames, clientSettings, iteratorName } from './client-names.js';
