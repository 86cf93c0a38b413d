/**
 * A loaded spec as one document, for the package's `openapi.json`.
 *
 * A single-file spec is its own bundle: the parsed root, as written. When
 * `$ref`s reach other files, what they point at is brought in: a schema the
 * model named goes under `components/schemas/<its typeName>` (so the bundle,
 * loaded again, gives the same type names and the same package), anything
 * else (a parameter, a response) is inlined where it was referenced. Refs
 * inside the root file stay as they are.
 */
import { isObject } from './validate.js';
import { isRef, type SpecFiles } from './refs.js';
import type { SourceFile } from './source.js';

/** `schemaNames`: `file#pointer` of each named schema target → its typeName (the model's SchemaRegistry.names). */
export function bundleSpec(files: SpecFiles, schemaNames: ReadonlyMap<string, string>): unknown {
  const root = files.root;
  if (files.all().length === 1) return root.value;
  const hoisted = new Map<string, unknown>();
  const visit = (value: unknown, file: SourceFile, pointer: string, inlining: ReadonlySet<string>): unknown => {
    if (Array.isArray(value)) return value.map((v, i) => visit(v, file, `${pointer}/${i}`, inlining));
    if (!isObject(value)) return value;
    if (isRef(value)) return visitRef(value, file, pointer, inlining);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(v, file, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, inlining)]));
  };
  const visitRef = (value: { $ref: string }, file: SourceFile, pointer: string, inlining: ReadonlySet<string>): unknown => {
    const target = files.follow({ file, pointer, value });
    if (!target) return value;
    const key = `${target.file.path}${target.pointer}`;
    if (target.file === root) return { ...value, $ref: target.pointer };
    const name = schemaNames.get(key);
    if (name !== undefined) {
      if (!hoisted.has(name)) {
        hoisted.set(name, null); // claimed before visiting, so a cycle back to it ends here
        hoisted.set(name, visit(target.value, target.file, target.pointer, new Set()));
      }
      return { $ref: `#/components/schemas/${name}` };
    }
    if (inlining.has(key)) return value; // a loop of non-schema refs across files: leave it (the loader reported it)
    return visit(target.value, target.file, target.pointer, new Set([...inlining, key]));
  };
  const doc = visit(root.value, root, '#', new Set()) as Record<string, unknown>;
  if (hoisted.size === 0) return doc;
  const components = isObject(doc.components) ? { ...doc.components } : {};
  const schemas = isObject(components.schemas) ? { ...components.schemas } : {};
  for (const [name, schema] of hoisted) if (!(name in schemas)) schemas[name] = schema;
  return { ...doc, components: { ...components, schemas } };
}
