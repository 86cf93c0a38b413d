/**
 * The view of a package README: what the API is, install, quick start,
 * authentication, errors, retries, timeouts, pagination, the seed-specific
 * features the model declares, the mocks, and tables linking into the docs.
 */
import { compareText } from '../../issues.js';
import type { ApiModel, OperationNode } from '../../model/types.js';
import { clientSettings, logEnvVar } from '../client/client-names.js';
import { isBinary, successes } from '../client/operation-types.js';
import { semver } from '../package/index.js';
import { envVars, iteratorOf } from './calls.js';
import { mdCode, mdCodeBlock, mdText } from './markdown.js';
import { md, type Markdown } from './markdown-value.js';
import * as mocks from './readme-mocks.js';
import * as snippet from './readme-snippets.js';
import type { SnippetContext } from './snippets.js';
import type { TagPageView } from './view-model.js';

export interface EndpointRow {
  /** `[RecordingsApi](docs/RecordingsApi.md)` */
  api: Markdown;
  method: Markdown;
  httpMethod: string;
  path: string;
  summary: string;
}

export interface ReadmeView {
  packageName: string;
  title: string;
  version: string;
  description: string;
  className: string;
  baseUrl: Markdown;
  /** Before publishing: from the output folder, or a tarball of it; then the registry command. */
  install: { folder: Markdown; fromFolder: Markdown; fromTarball: Markdown; fromRegistry: Markdown };
  quickStart: Markdown;
  env: { env: Markdown; option: Markdown }[];
  authInCode: Markdown;
  securitySchemes: { name: string; type: string; description: string }[];
  /** The client takes credentials (HTTP Basic). */
  credentials: boolean;
  options: Markdown;
  errors: Markdown;
  retryAfter: Markdown[];
  retries: Markdown;
  timeouts: Markdown;
  responses: Markdown;
  download: { method: Markdown; mediaTypes: Markdown[]; code: Markdown } | null;
  logging: { env: Markdown; envExample: Markdown; code: Markdown; sample: Markdown } | null;
  pagination: { method: Markdown; iterator: Markdown; code: Markdown } | null;
  methodOverride: { param: Markdown; via: string; methods: string; code: Markdown } | null;
  async: { urlParam: Markdown; methodParam: Markdown; code: Markdown } | null;
  rateLimit: { requests: number; windowSeconds: number; code: Markdown } | null;
  mocks: { entry: Markdown; msw: Markdown; override: Markdown; faults: Markdown; own: Markdown; command: Markdown; server: Markdown } | null;
  endpoints: EndpointRow[];
  models: Markdown[];
}

const ts = (code: string): Markdown => md(mdCodeBlock(code, 'ts'));

/** Builds the README view; `tags` are the already-built tag pages (for their anchors). */
export function readmeView(model: ApiModel, tags: TagPageView[], ctx: SnippetContext): ReadmeView {
  const show = snippet.showcase(ctx);
  const all = snippet.allOperations(ctx);
  const paged = all.find((r) => iteratorOf(ctx.names, r.op));
  const asyncRef = snippet.asyncShowcase(ctx);
  const rateLimit = model.rateLimit ?? all.find((r) => r.op.rateLimit)?.op.rateLimit;
  const override = model.methodOverride;
  const binary = all.find((r) => isBinary(r.op));
  const mediaTypes = binary ? [...new Set(successes(binary.op).flatMap((r) => r.contents.map((m) => m.mediaType)))] : [];
  return {
    packageName: model.packageName,
    title: model.title,
    version: model.version,
    description: model.description ?? '',
    className: ctx.names.className,
    baseUrl: md(model.servers[0] ? mdCode(model.servers[0].url, false) : 'none declared: pass `baseUrl`'),
    install: installView(model),
    quickStart: show ? ts(snippet.quickStart(ctx, show)) : md(''),
    env: envVars(model).map((v) => ({ env: md(mdCode(v.env)), option: md(mdCode(v.option)) })),
    authInCode: show ? ts(snippet.authInCode(ctx, show)) : md(''),
    securitySchemes: model.securitySchemes.map((s) => ({ name: s.name, type: [s.type, s.scheme].filter(Boolean).join(' '), description: s.description ?? '' })),
    credentials: clientSettings(model).basic !== undefined,
    options: show ? ts(snippet.clientOptions(ctx, show)) : md(''),
    errors: show ? ts(snippet.errors(ctx, show)) : md(''),
    retryAfter: retryAfterStatuses(model),
    retries: show ? ts(snippet.retries(ctx, show)) : md(''),
    timeouts: show ? ts(snippet.timeouts(ctx, show)) : md(''),
    responses: show ? ts(snippet.responses(ctx, show)) : md(''),
    download: binary
      ? {
          method: md(mdCode(binary.op.methodName, false)),
          mediaTypes: mediaTypes.map((m) => md(mdCode(m, false))),
          code: ts(snippet.download(ctx, binary, mediaTypes.at(-1)!)),
        }
      : null,
    logging: show ? { env: md(mdCode(logEnvVar(model), false)), envExample: md(mdCode(`${logEnvVar(model)}=debug node app.js`, false)), code: ts(snippet.logging(ctx, show)), sample: md(mdCodeBlock(logSample(model, show.op), 'text')) } : null,
    pagination: paged
      ? { method: md(mdCode(paged.op.methodName, false)), iterator: md(mdCode(iteratorOf(ctx.names, paged.op) ?? '', false)), code: ts(snippet.pagination(ctx, paged)) }
      : null,
    methodOverride: override
      ? {
          param: md(mdCode(override.param, false)),
          via: override.via,
          methods: override.methods.join(', '),
          code: ts(snippet.methodOverride(ctx, all.find((r) => override.methods.includes(r.op.method.toUpperCase())))),
        }
      : null,
    async: asyncRef?.op.async
      ? { urlParam: md(mdCode(asyncRef.op.async.urlParam, false)), methodParam: md(mdCode(asyncRef.op.async.methodParam, false)), code: ts(snippet.asyncCall(ctx, asyncRef)) }
      : null,
    rateLimit: rateLimit && show ? { ...rateLimit, code: ts(snippet.rateLimit(ctx, show)) } : null,
    mocks: show
      ? {
          entry: md(mdCode(`${model.packageName}/mocks`, false)),
          msw: ts(mocks.mswMocks(ctx, show)),
          override: ts(mocks.overrideMock(ctx, show)),
          faults: ts(mocks.faultMocks(ctx, show)),
          own: ts(mocks.ownMock(ctx, show)),
          command: md(mdCodeBlock(`npx switchboard mock specs/${model.name}.yaml --port 4010`, 'sh')),
          server: ts(mocks.mockServer(ctx, show)),
        }
      : null,
    endpoints: endpointRows(tags),
    models: model.schemas.map((s) => md(`[${mdText(s.typeName)}](docs/models/${s.fileName}.md)`)),
  };
}

/**
 * Commands that work before the package is published: install the folder
 * `switchboard generate` wrote (generated/<name> by default), or a tarball
 * of it; `--ignore-scripts` packs the package as generated, built already.
 */
function installView(model: ApiModel): ReadmeView['install'] {
  const folder = `generated/${model.name}`;
  const tarball = `${model.packageName.replace(/^@/, '').replace('/', '-')}-${semver(model.version)}.tgz`;
  return {
    folder: md(mdCode(folder, false)),
    fromFolder: md(mdCodeBlock(`npm install ./${folder}`, 'sh')),
    fromTarball: md(mdCodeBlock(`npm pack --ignore-scripts ./${folder}\nnpm install ./${tarball}`, 'sh')),
    fromRegistry: md(mdCodeBlock(`npm install ${model.packageName}`, 'sh')),
  };
}

function endpointRows(tags: TagPageView[]): EndpointRow[] {
  return tags.flatMap((tag) =>
    tag.operations.map((op) => ({
      api: md(`[${mdText(tag.title)}](docs/${tag.fileName}.md)`),
      method: md(`[**${mdText(op.methodName)}**](docs/${tag.fileName}.md#${op.anchor})`),
      httpMethod: op.httpMethod,
      path: op.path,
      summary: op.summary,
    })),
  );
}

/** What `logLevel: 'info'` prints for a call that is retried once: the retry line, then the answer. */
function logSample(model: ApiModel, op: OperationNode): string {
  const product = `${model.packageName.replace(/^@/, '').replace(/\//g, '-')}`;
  const call = `[${product} #1] ${op.method.toUpperCase()} ${(model.servers[0]?.url ?? 'https://api.example.com').replace(/\/+$/, '')}${op.path}`;
  return [`${call} → 503 Service Unavailable: … in 41 ms; retry 1 of 2 in 468 ms`, `${call} → 200 in 38 ms (request id …)`].join('\n');
}

/** The statuses whose responses carry a `Retry-After` header, e.g. `429`. */
function retryAfterStatuses(model: ApiModel): Markdown[] {
  const statuses = new Set<string>();
  for (const op of model.operations) for (const r of op.responses) if (r.headers.some((h) => h.name.toLowerCase() === 'retry-after')) statuses.add(r.status);
  return [...statuses].sort(compareText).map((s) => md(mdCode(s, false)));
}
