/**
 * Generates the three seed APIs into a temp folder (once per test file) and
 * imports their TypeScript directly: vitest transpiles it, and `./x.js`
 * imports resolve to `./x.ts`.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { clientEmitter } from '../../../generator/emit/client/index.js';
import { packageEmitter } from '../../../generator/emit/package/index.js';
import type { Emitter } from '../../../generator/emit/types.js';
import type { ApiModel } from '../../../generator/model/types.js';
import { build, type TargetResult } from '../../../generator/pipeline.js';
import { writeOutput } from '../../../generator/write/output.js';
import { tempDir } from '../../helpers/temp.js';

export const APIS = ['plivo', 'twilio', 'bandwidth'] as const;
export type Api = (typeof APIS)[number];

export interface Generated {
  /** The package folder. */
  dir: string;
  model: ApiModel;
  result: TargetResult;
}

/** Builds (load → model → emit → format) and writes each API's package: client and package.json unless told otherwise. */
export async function generateApis(apis: readonly Api[] = APIS, emitters: readonly Emitter[] = [clientEmitter, packageEmitter]): Promise<Record<Api, Generated>> {
  const root = tempDir('switchboard-client-');
  const out = {} as Record<Api, Generated>;
  for (const api of apis) {
    const dir = path.join(root, api);
    const result = await build({ spec: path.resolve('specs', `${api}.yaml`), outDir: dir }, emitters);
    writeOutput(dir, result.files);
    out[api] = { dir, model: result.model, result };
  }
  return out;
}

/** The generated package entry (`src/index.ts`), untyped: tests drive it like a user's JavaScript would. */
export async function importPackage(dir: string): Promise<any> {
  return import(pathToFileURL(path.join(dir, 'src/index.ts')).href);
}
