/**
 * The docs view-model, built from the one model: one page per tag, one page
 * per named schema, and the package README. Templates only lay these out.
 */
import { clientNames } from '../client/client-names.js';
import { findInputVariants } from '../client/type-text.js';
import type { ApiModel, TagNode } from '../../model/types.js';
import { examplePool, resolver } from './examples.js';
import { mdCode, mdCodeBlock, mdText, Slugger } from './markdown.js';
import { md, type Markdown } from './markdown-value.js';
import { modelView, type ModelView } from './model-view.js';
import { operationView, type OperationView } from './operation-view.js';
import { readmeView, type ReadmeView } from './readme-view.js';
import { exampleBodies, type ExampleBodies } from './response-example.js';
import { pageResponses, type ErrorRow } from './response-rows.js';
import { pageSetup, type SnippetContext } from './snippets.js';
import type { LinkContext } from './type-markdown.js';

export interface TagPageView {
  /** `RecordingsApi`: also the file stem under `docs/`. */
  title: string;
  fileName: string;
  description: string;
  baseUrl: Markdown;
  /** The import and client every example on the page continues from. */
  setup: Markdown;
  /** The error statuses every operation of the page shares (empty: each lists its own). */
  errors: ErrorRow[];
  operations: OperationView[];
}

export interface DocsView {
  readme: ReadmeView;
  tags: TagPageView[];
  models: ModelView[];
}

/** The page's own sections before the operations: their headings take anchors first. */
export const PAGE_SECTIONS = { setup: 'Set-up', errors: 'Errors' } as const;

/** Builds the whole docs view of an API. */
export function docsView(model: ApiModel): DocsView {
  const snippets: SnippetContext = { model, resolve: resolver(model), pool: examplePool(model), names: clientNames(model) };
  const models = new Map(model.schemas.map((s) => [s.typeName, s.fileName]));
  const base = { direction: 'response' as const, inputVariants: findInputVariants(model), models };
  const bodies = exampleBodies(model);
  const tags = model.tags.map((tag) => tagPage(model, tag, { snippets, links: { ...base, modelsPath: 'models/' }, bodies }));
  return {
    tags,
    models: model.schemas.map((s) => modelView(s, { ...base, modelsPath: '' }, snippets.resolve)),
    readme: readmeView(model, tags, snippets),
  };
}

interface PageSources {
  snippets: SnippetContext;
  links: LinkContext;
  bodies: ExampleBodies;
}

function tagPage(model: ApiModel, tag: TagNode, { snippets, links, bodies }: PageSources): TagPageView {
  const title = `${tag.typeName}Api`;
  const slugger = new Slugger();
  slugger.slug(title);
  const responses = pageResponses(tag.operations, links);
  slugger.slug(PAGE_SECTIONS.setup);
  const sharedErrors = responses.shared.length ? slugger.slug(PAGE_SECTIONS.errors) : undefined;
  const operations = tag.operations.map((op) => {
    const sources = { snippets, links, body: bodies(op), responses: responses.operations.get(op)!, sharedErrors };
    const view = operationView(tag, op, sources);
    view.anchor = slugger.slug(op.methodName);
    view.link = md(`[**${mdText(op.methodName)}**](#${view.anchor})`);
    for (const section of view.sections) slugger.slug(section);
    return view;
  });
  return {
    title,
    fileName: `${tag.fileName}Api`,
    description: tag.description ?? '',
    baseUrl: md(model.servers[0] ? mdCode(model.servers[0].url, false) : 'the server you pass as `baseUrl`'),
    setup: md(mdCodeBlock(pageSetup(snippets), 'ts')),
    errors: responses.shared,
    operations,
  };
}
