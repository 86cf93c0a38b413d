/**
 * Reads the `x-switchboard-*` extensions (see "Spec extensions" in README.md) into
 * typed model fields. Malformed values are ignored here; `switchboard lint`
 * reports them with their location.
 */
import { compareText } from '../issues.js';
import { own, type Cursor } from '../load/refs.js';
import { isObject } from '../load/validate.js';
import { buildSchema, type SchemaRegistry } from './build-schema.js';
import { camelCase, pascalCase } from './names.js';
import type { AccountParam, AsyncExt, ClientExt, CredentialExt, ErrorsExt, MethodOverrideExt, PaginationExt, RateLimitExt, ResponseNode, SecuritySchemeNode } from './types.js';

export const EXT = {
  client: 'x-switchboard-client',
  errors: 'x-switchboard-errors',
  accountParam: 'x-switchboard-account-param',
  pagination: 'x-switchboard-pagination',
  methodOverride: 'x-switchboard-method-override',
  async: 'x-switchboard-async',
  rateLimit: 'x-switchboard-rate-limit',
} as const;

const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;

export interface RootExtensions {
  client?: ClientExt;
  errors: ErrorsExt;
  methodOverride?: MethodOverrideExt;
  rateLimit?: RateLimitExt;
  /** The raw root `x-switchboard-async`, applied to operations that do not opt out. */
  asyncDefault: unknown;
  securitySchemes: SecuritySchemeNode[];
}

export function buildExtensions(reg: SchemaRegistry, top: Cursor): RootExtensions {
  const doc = top.value as Record<string, unknown>;
  const out: RootExtensions = {
    errors: readErrors(reg, top),
    asyncDefault: doc[EXT.async],
    securitySchemes: readSecuritySchemes(top),
  };
  const client = readClient(doc[EXT.client]);
  if (client) out.client = client;
  const mo = doc[EXT.methodOverride];
  if (isObject(mo) && typeof mo.param === 'string' && Array.isArray(mo.methods)) {
    out.methodOverride = {
      param: mo.param,
      via: typeof mo.via === 'string' ? mo.via.toUpperCase() : 'POST',
      methods: mo.methods.filter((m): m is string => typeof m === 'string').map((m) => m.toUpperCase()),
    };
  }
  const rl = readRateLimit(reg, top);
  if (rl) out.rateLimit = rl;
  return out;
}

function readClient(value: unknown): ClientExt | undefined {
  if (!isObject(value)) return undefined;
  const className = typeof value.className === 'string' ? pascalCase(value.className, 'ApiClient') : undefined;
  const creds = isObject(value.credentials) ? value.credentials : undefined;
  const username = readCredential(creds?.username);
  const password = readCredential(creds?.password);
  return {
    className: className ?? 'ApiClient',
    ...(username && password ? { credentials: { username, password } } : {}),
  };
}

function readCredential(value: unknown): CredentialExt | undefined {
  if (!isObject(value) || typeof value.option !== 'string') return undefined;
  return {
    option: camelCase(value.option, 'credential'),
    ...(typeof value.env === 'string' && ENV_NAME.test(value.env) ? { env: value.env } : {}),
  };
}

function readErrors(reg: SchemaRegistry, top: Cursor): ErrorsExt {
  const at = reg.files.child(top, EXT.errors);
  if (!isObject(at.value)) return {};
  const out: ErrorsExt = {};
  for (const key of ['message', 'requestId', 'code', 'type', 'status', 'moreInfo'] as const) {
    const v = at.value[key];
    if (typeof v === 'string') out[key] = v;
  }
  if (at.value.schema !== undefined) out.schema = buildSchema(reg, reg.files.child(at, 'schema'));
  return out;
}

export function readAccountParam(reg: SchemaRegistry, param: Cursor): AccountParam | undefined {
  const v = own(param.value, EXT.accountParam);
  if (v === true) return { from: 'username' };
  if (!isObject(v)) return undefined;
  if (v.from === 'option' && typeof v.option === 'string') {
    return {
      from: 'option',
      option: camelCase(v.option, 'accountId'),
      ...(typeof v.env === 'string' && ENV_NAME.test(v.env) ? { env: v.env } : {}),
    };
  }
  return v.from === 'username' || v.from === undefined ? { from: 'username' } : undefined;
}

export function readPagination(reg: SchemaRegistry, op: Cursor): PaginationExt | undefined {
  const v = own(op.value, EXT.pagination);
  if (!isObject(v) || (v.style !== 'offset' && v.style !== 'page') || typeof v.items !== 'string' || typeof v.next !== 'string') return undefined;
  const out: PaginationExt = { style: v.style, items: v.items, next: v.next };
  for (const key of ['limitParam', 'offsetParam', 'pageParam', 'pageSizeParam'] as const) {
    if (typeof v[key] === 'string') out[key] = v[key] as string;
  }
  return out;
}

/** The operation's own `x-switchboard-async`, else the root default; `false` opts out. */
export function readAsync(reg: SchemaRegistry, op: Cursor, rootDefault: unknown, buildResponse: (c: Cursor) => ResponseNode | undefined): AsyncExt | undefined {
  const opValue = own(op.value, EXT.async);
  if (opValue === false) return undefined;
  const useOp = isObject(opValue);
  const raw = useOp ? opValue : rootDefault;
  if (!isObject(raw) || typeof raw.urlParam !== 'string') return undefined;
  const base = useOp ? reg.files.child(op, EXT.async) : reg.files.child(reg.files.top(), EXT.async);
  const response = raw.response === undefined ? undefined : buildResponse(reg.files.child(base, 'response'));
  if (!response) return undefined;
  const status = String(raw.status ?? '200');
  return {
    urlParam: raw.urlParam,
    methodParam: typeof raw.methodParam === 'string' ? raw.methodParam : 'callback_method',
    status,
    response: { ...response, status },
  };
}

export function readRateLimit(reg: SchemaRegistry, at: Cursor): RateLimitExt | undefined {
  const v = own(at.value, EXT.rateLimit);
  if (!isObject(v) || typeof v.requests !== 'number' || typeof v.windowSeconds !== 'number') return undefined;
  if (!(v.requests > 0) || !(v.windowSeconds > 0)) return undefined;
  return { requests: v.requests, windowSeconds: v.windowSeconds };
}

function readSecuritySchemes(top: Cursor): SecuritySchemeNode[] {
  const components = own(top.value, 'components');
  const schemes = own(components, 'securitySchemes');
  if (!isObject(schemes)) return [];
  return Object.keys(schemes)
    .sort(compareText)
    .filter((name) => isObject(schemes[name]))
    .map((name) => {
      const s = schemes[name] as Record<string, unknown>;
      return {
        name,
        type: typeof s.type === 'string' ? s.type : 'unknown',
        ...(typeof s.scheme === 'string' ? { scheme: s.scheme.toLowerCase() } : {}),
        ...(typeof s.in === 'string' ? { in: s.in } : {}),
        ...(typeof s.name === 'string' ? { paramName: s.name } : {}),
        ...(typeof s.description === 'string' ? { description: s.description } : {}),
      };
    });
}
