/** The docs emitter: README.md, docs/<Tag>Api.md and docs/models/<Model>.md from Handlebars templates. */
import type { ApiModel } from '../../model/types.js';
import type { EmittedFile, Emitter } from '../types.js';

export const docsEmitter: Emitter = {
  name: 'docs',
  emit(_model: ApiModel): EmittedFile[] {
    return [];
  },
};
