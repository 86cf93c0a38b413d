/**
 * `src/client.ts` (the client class with one property per tag, its options
 * and the API facts the runtime needs) and `src/index.ts` (the package entry).
 */
import { compareText } from '../../issues.js';
import { commentText } from '../../model/names.js';
import type { ApiModel } from '../../model/types.js';
import { semver } from '../package/index.js';
import { runtimeImport } from '../runtime-build.js';
import { logEnvVar, RUNTIME_TYPES, RUNTIME_VALUES, resourceList, type ClientNames, type ClientSettings } from './client-names.js';
import { findProperty } from './operation-method.js';
import { docOf, isJson, successes } from './operation-types.js';
import { exportStatement, importStatement, namespaceImport, printModule, type JsObject, type PrintedModule, type Statement } from './printer.js';
import { generic, nameType, union, type TsProperty } from './type-text.js';

/** `src/client.ts` (and its JavaScript and declarations). */
export function emitClient(model: ApiModel, names: ClientNames, settings: ClientSettings): PrintedModule {
  const resources = resourceList(model, names);
  const statements: Statement[] = [
    namespaceImport('rt', runtimeImport('client', 'src/client.ts', 'index.js')),
    ...resources.map(({ tag, className }) => importStatement([className], `./resources/${tag.fileName}.js`)),
    { kind: 'const', name: 'api', type: nameType('rt.ApiConfig'), docs: 'What the runtime needs to know about this API.', value: apiConfig(model, settings) },
    { kind: 'interface', name: names.optionsName, extends: nameType('rt.ClientOptions'), docs: `Options of {@link ${names.className}}.`, properties: optionProperties(model, settings) },
    {
      kind: 'class',
      name: names.className,
      extends: generic('rt.BaseClient', [nameType(names.optionsName)]),
      docs: classDocs(model, names, settings),
      properties: resources.map(({ tag, className }) => ({
        name: tag.propertyName,
        type: nameType(className),
        value: { callee: `new ${className}`, args: ['this'] },
        docs: tag.description ? docOf(tag.description) : undefined,
      })),
      ctor: { parameters: [{ name: 'options', type: nameType(names.optionsName), initializer: '{}' }], superArgs: ['options', 'api'] },
    },
  ];
  return printModule(statements);
}

function apiConfig(model: ApiModel, settings: ClientSettings): JsObject {
  const errorKeys = (['message', 'requestId', 'code', 'type', 'moreInfo'] as const).filter((k) => model.errors[k]);
  const errors: JsObject['entries'] = errorKeys.map((k) => [k, model.errors[k]!] as const);
  const header = requestIdHeader(model);
  if (header) errors.push(['requestIdHeader', header]);
  const env: JsObject['entries'] = settings.settings.filter((s) => s.env).map((s) => [s.option, s.env!] as const);
  env.push(['logLevel', logEnvVar(model)]);
  const entries: JsObject['entries'] = [
    ['baseUrl', model.servers[0]?.url ?? 'http://localhost'],
    ['userAgent', `${model.packageName.replace(/^@/, '').replace(/\//g, '-')}/${semver(model.version)}`],
    ['env', { entries: env }],
    ...(settings.basic ? [['basic', settings.basic] as const] : []),
    ['errors', { entries: errors }],
  ];
  const successId = successRequestId(model);
  if (successId) entries.push(['requestId', successId]);
  const secrets = [...new Set(model.securitySchemes.flatMap((s) => (s.type === 'apiKey' && s.paramName ? [s.paramName] : [])))].sort(compareText);
  if (secrets.length) entries.push(['secrets', secrets]);
  if (model.rateLimit) entries.push(['rateLimit', { entries: [['requests', model.rateLimit.requests], ['windowSeconds', model.rateLimit.windowSeconds]] }]);
  const mo = model.methodOverride;
  if (mo) entries.push(['methodOverride', { entries: [['param', mo.param], ['via', mo.via], ['methods', mo.methods]] }]);
  return { entries, multiline: true };
}

/**
 * The error body's request-id property, when every JSON object body of every
 * 2xx response declares it too (Plivo's `api_id`): then successes carry their
 * request id in the body. A property only some bodies have (a resource's own
 * `id`) is not taken for one.
 */
function successRequestId(model: ApiModel): string | undefined {
  const field = model.errors.requestId;
  if (!field) return undefined;
  const bodies = model.operations.flatMap((op) => successes(op).flatMap((r) => r.contents.filter((m) => isJson(m.mediaType))));
  return bodies.length > 0 && bodies.every((m) => findProperty(m.schema, field, model) !== undefined) ? field : undefined;
}

/** A response header the spec declares for the request id (`X-Request-Id`, `Twilio-Request-Id`, …), if any. */
function requestIdHeader(model: ApiModel): string | undefined {
  const names = model.operations.flatMap((op) => op.responses.flatMap((r) => r.headers.map((h) => h.name)));
  return names.filter((n) => /request-?id$/i.test(n)).sort(compareText)[0];
}

function optionProperties(model: ApiModel, settings: ClientSettings): TsProperty[] {
  const string = nameType('string');
  const props: TsProperty[] = settings.settings.map((s) => ({
    name: s.option,
    optional: true,
    type: string,
    docs: [commentText(`${s.doc}${s.env ? ` Defaults to the \`${s.env}\` environment variable.` : ''}`)],
  }));
  props.push({
    name: 'logLevel',
    optional: true,
    type: nameType('rt.LogLevel'),
    docs: [`What the client logs (default \`'warn'\`): \`'info'\` adds each attempt's status and time, retries and waits; \`'debug'\` each request's headers, secrets hidden. Defaults to the \`${logEnvVar(model)}\` environment variable.`],
  });
  if (model.rateLimit) {
    const { requests, windowSeconds } = model.rateLimit;
    props.push({
      name: 'rateLimit',
      optional: true,
      type: union([nameType('boolean'), nameType('rt.RateLimit')]),
      docs: [`Keep to a request rate: \`true\` for the API's documented limit of ${requests} requests per ${windowSeconds} s, or a limit of your own.`],
    });
  }
  if (model.methodOverride) {
    const mo = model.methodOverride;
    const text = `Send ${mo.methods.join(' and ')} as \`${mo.via} ?${mo.param}=<method>\`, for networks that only pass GET and POST.`;
    props.push({ name: 'methodOverride', optional: true, type: nameType('boolean'), docs: [commentText(text)] });
  }
  return props;
}

function classDocs(model: ApiModel, names: ClientNames, settings: ClientSettings): string {
  const lines = [commentText(`The ${model.title} client.`)];
  const envs = settings.settings.flatMap((s) => (s.env ? [s.env] : []));
  if (envs.length) lines.push(`Options not given fall back to the environment: ${envs.join(', ')}.`);
  const tag = model.tags[0];
  const op = tag?.operations[0];
  if (tag && op) {
    lines.push('', '@example', '```ts', `const client = new ${names.className}();`, `const result = await client.${tag.propertyName}.${op.methodName}({ … });`, '```');
  }
  return lines.join('\n');
}

/** `src/index.ts`, the package entry: the client, the runtime's public names, every resource and model type. */
export function emitIndex(model: ApiModel, names: ClientNames): PrintedModule {
  const statements: Statement[] = [
    exportStatement([names.className, `${names.className} as default`, `type ${names.optionsName}`], './client.js'),
    exportStatement([...RUNTIME_VALUES, ...RUNTIME_TYPES.map((name) => `type ${name}`)], runtimeImport('client', 'src/index.ts', 'index.js')),
  ];
  for (const { tag, className } of resourceList(model, names)) {
    const types = tag.operations.flatMap((op) => {
      const n = names.operations.get(op)!;
      return [n.params, n.responses, n.result].map((name) => `type ${name}`);
    });
    statements.push(exportStatement([className, ...types], `./resources/${tag.fileName}.js`));
  }
  const models = [...names.modelExports].map(([name, alias]) => (alias === name ? name : `${name} as ${alias}`));
  if (models.length) statements.push(exportStatement(models, './models.js', { typeOnly: true }));
  return printModule(statements);
}
