/**
 * The packages the docs tests read. The three APIs come from `generated/`
 * (the real output, which the snapshot test pins to what the generator
 * builds); fixtures are built in memory through the real pipeline.
 */
import fs from 'node:fs';
import path from 'node:path';
import { EMITTERS, type EmittedFile, type Emitter } from '../../generator/emit/index.js';
import { loadSpec } from '../../generator/load/index.js';
import { buildModel } from '../../generator/model/build.js';
import type { ApiModel } from '../../generator/model/types.js';
import { build } from '../../generator/pipeline.js';

export const REPO = path.resolve(import.meta.dirname, '..', '..');
export const APIS = ['bandwidth', 'plivo', 'twilio'] as const;

export interface Built {
  model: ApiModel;
  files: EmittedFile[];
  /** Markdown files by path. */
  markdown: Map<string, string>;
}

/** A fixture spec through load → model → emitters → format, nothing written. */
export async function buildSpec(spec: string, emitters: readonly Emitter[] = EMITTERS): Promise<Built> {
  const result = await build({ spec: path.resolve(REPO, spec), outDir: path.join(REPO, '.tmp', 'unused') }, emitters);
  return withMarkdown(result.model, result.files);
}

/** One API's package as it is in `generated/<api>/`, with the model of its spec. */
export function readGenerated(api: string): Built {
  const dir = path.join(REPO, 'generated', api);
  const files: EmittedFile[] = [];
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== 'dist') walk(child);
      else if (entry.isFile()) files.push({ path: child, content: fs.readFileSync(path.join(dir, child), 'utf8') });
    }
  };
  walk('');
  return withMarkdown(buildModel(loadSpec(path.join(REPO, 'specs', `${api}.yaml`)), api), files);
}

function withMarkdown(model: ApiModel, files: EmittedFile[]): Built {
  const markdown = new Map<string, string>();
  for (const f of files) if (f.path.endsWith('.md') && typeof f.content === 'string') markdown.set(f.path, f.content);
  return { model, files, markdown };
}
