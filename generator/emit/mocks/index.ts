/** The mocks emitter: MSW handlers and the standalone mock server (`@switchboard/<api>/mocks`). */
import type { ApiModel } from '../../model/types.js';
import type { EmittedFile, Emitter } from '../types.js';

export const mocksEmitter: Emitter = {
  name: 'mocks',
  emit(_model: ApiModel): EmittedFile[] {
    return [];
  },
};
