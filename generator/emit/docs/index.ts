/**
 * The docs emitter: `README.md`, `docs/<Tag>Api.md` and `docs/models/<Model>.md`,
 * rendered from Handlebars templates (`templates/`) with a view-model built
 * from the one model. Markdown only: the examples inside are built by
 * `snippets.ts`, and the pipeline formats every file with prettier.
 */
import type { ApiModel } from '../../model/types.js';
import type { EmittedFile, Emitter } from '../types.js';
import { render } from './render.js';
import { docsView } from './view-model.js';

export const docsEmitter: Emitter = {
  name: 'docs',
  emit(model: ApiModel): EmittedFile[] {
    const view = docsView(model);
    return [
      { path: 'README.md', content: render('readme', view.readme) },
      ...view.tags.map((tag) => ({ path: `docs/${tag.fileName}.md`, content: render('api', tag) })),
      ...view.models.map((m) => ({ path: `docs/models/${m.fileName}.md`, content: render('model', m) })),
    ];
  },
};
