/**
 * The docs emitter: `README.md`, `docs/<Tag>Api.md` and `docs/models/<Model>.md`,
 * rendered from Handlebars templates (`templates/`) with a view-model built
 * from the one model. Markdown only: the examples inside are built by
 * `snippets.ts`. Pages come out in prettier's layout (`markdown-layout.ts`)
 * and skip the pipeline's prettier pass where that layout is certain.
 */
import type { ApiModel } from '../../model/types.js';
import type { EmittedFile, Emitter } from '../types.js';
import { layoutMarkdown } from './markdown-layout.js';
import { render, type TemplateName } from './render.js';
import { docsView } from './view-model.js';

export const docsEmitter: Emitter = {
  name: 'docs',
  emit(model: ApiModel): EmittedFile[] {
    const view = docsView(model);
    return [
      page('README.md', 'readme', view.readme),
      ...view.tags.map((tag) => page(`docs/${tag.fileName}.md`, 'api', tag, new Set(tag.operations.flatMap((op) => op.exampleJson ?? [])))),
      ...view.models.map((m) => page(`docs/models/${m.fileName}.md`, 'model', m)),
    ];
  },
};

/** One rendered page, in prettier's layout and claimed `formatted` where that is certain. */
function page(path: string, template: TemplateName, view: object, printedJson?: ReadonlySet<string>): EmittedFile {
  const { text, formatted } = layoutMarkdown(render(template, view), printedJson);
  return { path, content: text, formatted };
}
