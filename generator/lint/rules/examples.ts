/**
 * `example-invalid`: every example (media type, parameter and header
 * `example`/`examples`, schema `example`/`examples`) must validate against its
 * schema. Validation is Ajv 2020 with formats; `$ref`s inside schemas resolve
 * through the spec's own loaded files, registered with Ajv by file URL.
 */
import { pathToFileURL } from 'node:url';
import { isRef, type Location, type Oas3Rule, type UserContext } from '@redocly/openapi-core';
import { ajvMessage, createAjv, type Ajv } from '../ajv.js';

type Node = Record<string, unknown>;

/** The rule, bound to the spec's files (absolute path → parsed value). */
export function exampleRule(documents: ReadonlyMap<string, unknown>): Oas3Rule {
  return () => {
    const ajv = createAjv();
    for (const [file, value] of documents) ajv.addSchema(value as object, pathToFileURL(file).href);
    const withSchema = (node: object, ctx: UserContext) => {
      if ((node as Node).schema !== undefined) checkExamples(ajv, node as Node, ctx.location.child(['schema']), ctx);
    };
    return {
      MediaType: withSchema,
      Parameter: withSchema,
      Header: withSchema,
      Schema(schema: object, ctx: UserContext) {
        const node = schema as Node;
        checkExamples(ajv, node, ctx.location, ctx, Array.isArray(node.examples) ? node.examples : []);
      },
    };
  };
}

/** Checks `example` and every entry of `examples` (a map of Example objects, or the schema's own array). */
function checkExamples(ajv: Ajv, node: Node, schemaAt: Location, ctx: UserContext, list?: unknown[]): void {
  const targets: { value: unknown; at: Location }[] = [];
  if (node.example !== undefined) targets.push({ value: node.example, at: ctx.location.child(['example']) });
  if (list) {
    list.forEach((value, i) => targets.push({ value, at: ctx.location.child(['examples', i]) }));
  } else if (node.examples !== null && typeof node.examples === 'object') {
    for (const [name, raw] of Object.entries(node.examples as Node)) {
      const resolved = ctx.resolve(raw as Node);
      const example = resolved.node as Node | undefined;
      if (!example || typeof example !== 'object' || !('value' in example)) continue;
      const base = isRef(raw) && resolved.location ? resolved.location : ctx.location.child(['examples', name]);
      const at = base.child(['value']);
      targets.push({ value: example.value, at });
    }
  }
  if (targets.length === 0) return;
  const validate = compile(ajv, schemaAt);
  if (!validate) return;
  for (const { value, at } of targets) {
    if (validate(value)) continue;
    const error = validate.errors![0];
    const segments = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    ctx.report({ message: `example does not match its schema: ${ajvMessage(error)}`, location: at.child(segments) });
  }
}

/** The validator for the schema at `at`; undefined when Ajv cannot compile it (other rules report why). */
function compile(ajv: Ajv, at: Location): ReturnType<Ajv['compile']> | undefined {
  const fragment = at.pointer
    .replace(/^#\/?/, '')
    .split('/')
    .filter((s) => s !== '')
    .map((s) => encodeURIComponent(s))
    .join('/');
  try {
    return ajv.getSchema(`${pathToFileURL(at.source.absoluteRef).href}#/${fragment}`);
  } catch {
    return undefined;
  }
}
