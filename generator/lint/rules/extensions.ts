/**
 * `extension-invalid`: every `x-switchboard-*` key must be one we know, sit
 * where it is allowed, and match its JSON Schema (extension-schemas.ts). The
 * parameters a pagination extension names must exist on the operation.
 */
import type { Oas3Rule, UserContext } from '@redocly/openapi-core';
import { createAjv, ajvMessage } from '../ajv.js';
import { EXTENSION_PLACES, EXTENSION_SCHEMAS, extensionAllowed, isShorthand } from '../extension-schemas.js';

const PREFIX = 'x-switchboard-';
const PAGE_PARAMS = ['limitParam', 'offsetParam', 'pageParam', 'pageSizeParam'] as const;

let validators: Map<string, ReturnType<ReturnType<typeof createAjv>['compile']>> | undefined;

function validatorFor(name: string) {
  validators ??= new Map(Object.entries(EXTENSION_SCHEMAS).map(([key, schema]) => [key, createAjv().compile(schema)]));
  return validators.get(name)!;
}

export const ExtensionInvalid: Oas3Rule = () => {
  let pathItem: unknown;
  return {
    any(node: unknown, ctx: UserContext) {
      if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
      for (const key of Object.keys(node)) {
        if (key.startsWith(PREFIX)) checkExtension(key, node as Record<string, unknown>, ctx);
      }
    },
    PathItem: {
      enter(item: object) {
        pathItem = item;
      },
      Operation(op: object, ctx: UserContext) {
        checkPaginationParams(op as Record<string, unknown>, pathItem, ctx);
      },
    },
  };
};

function checkExtension(key: string, node: Record<string, unknown>, ctx: UserContext): void {
  const place = ctx.type.name;
  const at = ctx.location.child([key]);
  const value = node[key];
  if (!Object.hasOwn(EXTENSION_PLACES, key)) {
    ctx.report({ message: `unknown extension ${key}; see "Spec extensions" in the Switchboard README for the ones it reads`, location: at.key() });
    return;
  }
  if (!extensionAllowed(key, place)) {
    const where = EXTENSION_PLACES[key].map(describePlace).join(' or ');
    ctx.report({ message: `${key} is not allowed on ${describePlace(place)}; it belongs on ${where}`, location: at.key() });
    return;
  }
  if (place === 'Parameter' && node.in !== 'path') {
    ctx.report({ message: `${key} is only allowed on a path parameter (this one is in ${JSON.stringify(node.in)})`, location: at.key() });
    return;
  }
  if (isShorthand(key, place, value)) return;
  const validate = validatorFor(key);
  if (validate(value)) return;
  const error = validate.errors![0];
  const segments = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  ctx.report({ message: `${key}: ${ajvMessage(error)}`, location: at.child(segments) });
}

function describePlace(place: string): string {
  return place === 'Root' ? 'the document root' : place === 'Operation' ? 'an operation' : place === 'Parameter' ? 'a path parameter' : `a ${place}`;
}

/** Each `*Param` of `x-switchboard-pagination` must name a query parameter of the operation. */
function checkPaginationParams(op: Record<string, unknown>, item: unknown, ctx: UserContext): void {
  const ext = op[`${PREFIX}pagination`];
  if (ext === null || typeof ext !== 'object') return;
  const names = new Set<string>();
  for (const list of [(item as { parameters?: unknown })?.parameters, op.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const p = ctx.resolve(raw).node as { name?: unknown; in?: unknown } | undefined;
      if (p && p.in === 'query' && typeof p.name === 'string') names.add(p.name);
    }
  }
  for (const key of PAGE_PARAMS) {
    const name = (ext as Record<string, unknown>)[key];
    if (typeof name === 'string' && !names.has(name)) {
      ctx.report({
        message: `${PREFIX}pagination: ${key} ${JSON.stringify(name)} is not a query parameter of this operation`,
        location: ctx.location.child([`${PREFIX}pagination`, key]),
      });
    }
  }
}
