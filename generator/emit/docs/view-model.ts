/**
 * The docs view-model, built from the one model: one page per tag, one page
 * per named schema, and the package README. Templates only lay these out.
 */
import { clientNames } from '../client/client-names.js';
import { findInputVariants } from '../client/type-text.js';
import type { ApiModel, TagNode } from '../../model/types.js';
import { examplePool, resolver } from './examples.js';
import { mdCode, mdText, Slugger } from './markdown.js';
import { md, type Markdown } from './markdown-value.js';
import { modelView, type ModelView } from './model-view.js';
import { operationView, type OperationView } from './operation-view.js';
import { readmeView, type ReadmeView } from './readme-view.js';
import type { SnippetContext } from './snippets.js';
import type { LinkContext } from './type-markdown.js';

export interface TagPageView {
  /** `RecordingsApi`: also the file stem under `docs/`. */
  title: string;
  fileName: string;
  description: string;
  baseUrl: Markdown;
  operations: OperationView[];
}

export interface DocsView {
  readme: ReadmeView;
  tags: TagPageView[];
  models: ModelView[];
}

/** The section headings of every operation, in page order (their anchors are counted by the slugger). */
export const OPERATION_SECTIONS = ['Example', 'Parameters', 'Return type', 'Authorization', 'HTTP request headers', 'HTTP response details'] as const;

/** Builds the whole docs view of an API. */
export function docsView(model: ApiModel): DocsView {
  const snippets: SnippetContext = { model, resolve: resolver(model), pool: examplePool(model), names: clientNames(model) };
  const models = new Map(model.schemas.map((s) => [s.typeName, s.fileName]));
  const base = { direction: 'response' as const, inputVariants: findInputVariants(model), models };
  const tags = model.tags.map((tag) => tagPage(model, tag, snippets, { ...base, modelsPath: 'models/' }));
  return {
    tags,
    models: model.schemas.map((s) => modelView(s, { ...base, modelsPath: '' }, snippets.resolve)),
    readme: readmeView(model, tags, snippets),
  };
}

function tagPage(model: ApiModel, tag: TagNode, snippets: SnippetContext, links: LinkContext): TagPageView {
  const title = `${tag.typeName}Api`;
  const slugger = new Slugger();
  slugger.slug(title);
  const operations = tag.operations.map((op) => {
    const view = operationView(tag, op, snippets, links);
    view.anchor = slugger.slug(op.methodName);
    view.link = md(`[**${mdText(op.methodName)}**](#${view.anchor})`);
    for (const section of OPERATION_SECTIONS) slugger.slug(section);
    return view;
  });
  return {
    title,
    fileName: `${tag.fileName}Api`,
    description: tag.description ?? '',
    baseUrl: md(model.servers[0] ? mdCode(model.servers[0].url, false) : 'the server you pass as `baseUrl`'),
    operations,
  };
}
