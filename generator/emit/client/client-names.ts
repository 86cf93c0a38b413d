/**
 * The names the client emitter exports next to the model types: per
 * operation `<Op>Params`, `<Op>Responses` and `<Op>Result`, per tag
 * `<Tag>Api`, the options interface, and each paginated operation's
 * iterator method. All are unique across the package's flat exports: a name
 * taken by a schema (or the runtime) gets the smallest free numeric suffix.
 */
import { splitWords } from '../../model/names.js';
import type { ApiModel, OperationNode, ParamNode, TagNode } from '../../model/types.js';
import { findInputVariants } from './type-text.js';

/** Classes the package entry re-exports from `src/runtime/`; spec-derived names never shadow these. */
export const RUNTIME_VALUES = [
  'AbortError',
  'ApiError',
  'ApiPromise',
  'AuthenticationError',
  'BadRequestError',
  'ConflictError',
  'ConnectionError',
  'InternalServerError',
  'NotFoundError',
  'Paginator',
  'PermissionDeniedError',
  'RateLimitError',
  'SwitchboardError',
  'TimeoutError',
  'UnprocessableEntityError',
] as const;

/** Types the package entry re-exports from `src/runtime/`. */
export const RUNTIME_TYPES = ['ApiResult', 'BinaryResponse', 'DownloadOptions', 'Logger', 'LogLevel', 'RateLimit', 'RequestOptions'] as const;

const RUNTIME_EXPORTS = [...RUNTIME_VALUES, ...RUNTIME_TYPES];

export interface OperationNames {
  params: string;
  responses: string;
  result: string;
  /** The auto-paging method (`listAllCalls`), for paginated operations. */
  iterator?: string;
}

export interface ClientNames {
  className: string;
  optionsName: string;
  /** `<Tag>Api` class per tag name. */
  resources: Map<string, string>;
  operations: Map<OperationNode, OperationNames>;
  /** Model type name → the name the package entry exports it as (differs only on a clash with the runtime). */
  modelExports: Map<string, string>;
}

/** Every exported name of the client, clash-free. */
export function clientNames(model: ApiModel): ClientNames {
  const taken = new Set<string>(RUNTIME_EXPORTS.map((n) => n.toLowerCase()));
  const claim = (base: string): string => {
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}${n}`;
    taken.add(name.toLowerCase());
    return name;
  };
  const className = claim(model.client.className);
  const optionsName = claim(`${className}Options`);
  const inputs = findInputVariants(model);
  const modelExports = new Map<string, string>();
  for (const s of model.schemas) {
    modelExports.set(s.typeName, claim(s.typeName));
    if (inputs.has(s.typeName)) modelExports.set(`${s.typeName}Input`, claim(`${s.typeName}Input`));
  }
  const resources = new Map(model.tags.map((t) => [t.name, claim(`${t.typeName}Api`)]));
  const operations = new Map<OperationNode, OperationNames>();
  for (const tag of model.tags) {
    const methods = new Set(tag.operations.map((o) => o.methodName));
    for (const op of tag.operations) operations.set(op, operationNames(op, claim, methods));
  }
  return { className, optionsName, resources, operations, modelExports };
}

function operationNames(op: OperationNode, claim: (base: string) => string, methods: Set<string>): OperationNames {
  const names: OperationNames = { params: claim(`${op.typeName}Params`), responses: claim(`${op.typeName}Responses`), result: claim(`${op.typeName}Result`) };
  if (op.pagination) {
    const base = iteratorName(op.methodName);
    let name = base;
    for (let n = 2; methods.has(name); n++) name = `${base}${n}`;
    methods.add(name);
    names.iterator = name;
  }
  return names;
}

/** `listCalls` → `listAllCalls`; any other name gets `All` appended (`search` → `searchAll`, `listings` → `listingsAll`). */
export function iteratorName(methodName: string): string {
  return /^list([A-Z0-9_]|$)/.test(methodName) ? `listAll${methodName.slice(4)}` : `${methodName}All`;
}

/** The tags in model order, with their resource class name. */
export function resourceList(model: ApiModel, names: ClientNames): { tag: TagNode; className: string }[] {
  return model.tags.map((tag) => ({ tag, className: names.resources.get(tag.name)! }));
}

/** The environment variable the client's `logLevel` falls back to: `PLIVO_LOG`, named after the API as `OPENAI_LOG` is. */
export function logEnvVar(model: ApiModel): string {
  const stem = splitWords(model.name).join('_').toUpperCase() || 'API';
  return `${/^\d/.test(stem) ? `API_${stem}` : stem}_LOG`;
}

/** Options every client has; a spec-declared option with one of these names gets an `Option` suffix. */
const BASE_OPTIONS = new Set(['baseUrl', 'maxRetries', 'timeout', 'fetch', 'headers', 'rateLimit', 'methodOverride', 'logLevel', 'logger']);

export interface ClientSetting {
  /** Constructor option name. */
  option: string;
  /** Environment variable it falls back to. */
  env?: string;
  /** What it is, for its JSDoc. */
  doc: string;
}

export interface ClientSettings {
  /** Option names of the HTTP Basic username and password. */
  basic?: [string, string];
  /** Every spec-declared option, in declaration order. */
  settings: ClientSetting[];
  /** The option that fills an account-scoped path parameter. */
  accountOption(param: ParamNode): string | undefined;
}

/** Credential and account options from `x-switchboard-client` and `x-switchboard-account-param`. */
export function clientSettings(model: ApiModel): ClientSettings {
  const settings = new Map<string, ClientSetting>();
  const add = (option: string, env: string | undefined, doc: string): string => {
    const name = BASE_OPTIONS.has(option) ? `${option}Option` : option;
    if (!settings.has(name)) settings.set(name, { option: name, ...(env ? { env } : {}), doc });
    return name;
  };
  const creds = model.client.credentials;
  const hasBasic = model.securitySchemes.some((s) => s.type === 'http' && s.scheme === 'basic');
  let basic: [string, string] | undefined;
  if (creds) basic = [add(creds.username.option, creds.username.env, 'HTTP Basic username.'), add(creds.password.option, creds.password.env, 'HTTP Basic password.')];
  else if (hasBasic) basic = [add('username', undefined, 'HTTP Basic username.'), add('password', undefined, 'HTTP Basic password.')];
  const accounts = new Map<ParamNode, string>();
  for (const op of model.operations) {
    for (const p of op.params.path) {
      if (p.account?.from === 'option' && p.account.option) accounts.set(p, add(p.account.option, p.account.env, `Default \`${p.name}\` path parameter.`));
      else if (p.account && basic) accounts.set(p, basic[0]);
    }
  }
  return { ...(basic ? { basic } : {}), settings: [...settings.values()], accountOption: (p) => accounts.get(p) };
}
