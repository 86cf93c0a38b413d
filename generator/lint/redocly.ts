/**
 * Structural validation and the operation rules, run by Redocly's lint
 * engine over the files the loader already read. Redocly never reads a file
 * itself: its resolver serves only the loader's files, so a `$ref` the
 * loader refused (a URL, a path outside the spec's folder) stays unresolved.
 * Problem positions come from the loader's `locate`, not from Redocly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BaseResolver, createConfig, lintDocument, ResolveError, Source, type NormalizedProblem, type Plugin } from '@redocly/openapi-core';
import type { Issue } from '../issues.js';
import type { SpecFiles } from '../load/refs.js';
import { exampleRule } from './rules/examples.js';
import { ExtensionInvalid } from './rules/extensions.js';
import { OperationIdValid, OperationTag } from './rules/operations.js';

/** Redocly rule id → our rule code. */
const CODES: Readonly<Record<string, string>> = {
  struct: 'struct',
  'operation-summary': 'operation-summary',
  'security-defined': 'security-defined',
  'operation-4xx-response': 'operation-4xx',
  'switchboard/operation-id-valid': 'operation-id-valid',
  'switchboard/operation-tag': 'operation-tag',
  'switchboard/example-invalid': 'example-invalid',
  'switchboard/extension-invalid': 'extension-invalid',
};

/** Serves only files the loader has already loaded. */
class LoadedFilesResolver extends BaseResolver {
  constructor(private readonly texts: ReadonlyMap<string, string>) {
    super();
  }
  override resolveExternalRef(base: string | null, ref: string): string {
    if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(ref)) return ref;
    let decoded = ref;
    try {
      decoded = decodeURIComponent(ref);
    } catch {
      // keep it as written; it will not be found
    }
    return path.resolve(base ? path.dirname(base) : process.cwd(), decoded);
  }
  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    const text = this.texts.get(absoluteRef);
    if (text === undefined) throw new ResolveError(new Error(`${absoluteRef} is not one of the spec's files`));
    return new Source(absoluteRef, text);
  }
}

/** Runs Redocly's struct, operation-summary, security-defined and 4xx rules plus ours. */
export async function redoclyIssues(files: SpecFiles): Promise<Issue[]> {
  const texts = new Map<string, string>();
  const values = new Map<string, unknown>();
  for (const f of files.all()) {
    texts.set(f.path, fs.readFileSync(f.path, 'utf8'));
    values.set(f.path, f.value);
  }
  const plugin: Plugin = {
    id: 'switchboard',
    rules: {
      oas3: {
        'operation-id-valid': OperationIdValid,
        'operation-tag': OperationTag,
        'example-invalid': exampleRule(values),
        'extension-invalid': ExtensionInvalid,
      },
    },
  };
  const rules = Object.fromEntries(Object.keys(CODES).map((id) => [id, 'error' as const]));
  const config = await createConfig({ plugins: [plugin], rules });
  const resolver = new LoadedFilesResolver(texts);
  const document = resolver.parseDocument(new Source(files.root.path, texts.get(files.root.path)!), true);
  const problems = await lintDocument({ document, config, externalRefResolver: resolver });
  const byPath = new Map(files.all().map((f) => [f.path, f]));
  return problems.flatMap((p) => toIssue(p, byPath));
}

function toIssue(p: NormalizedProblem, byPath: Map<string, SpecFiles['root']>): Issue[] {
  const code = CODES[p.ruleId];
  const loc = p.location[0];
  if (!code || !loc) return [];
  const file = byPath.get(loc.source.absoluteRef);
  if (!file) return [];
  const pointer = !loc.pointer || loc.pointer === '#/' ? '#' : loc.pointer;
  const pos = file.locate(pointer);
  const severity = p.severity === 'warn' ? 'warning' : 'error';
  return [{ file: file.path, pointer, line: pos.line, col: pos.col, code, severity, message: p.message }];
}
