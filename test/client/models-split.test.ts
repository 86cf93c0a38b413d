/**
 * A spec with more named schemas than `SPLIT_ABOVE_SCHEMAS` (the real
 * threshold, no test option) gets its model types split per tag:
 * `src/models/<Tag>.ts` for the schemas only that tag's operations reach,
 * `_shared.ts` for those several tags reach, `_unreferenced.ts` for those no
 * operation reaches, and `src/models.ts` re-exporting them. Checked here:
 * where each schema lands, that the imports between the files go one way only,
 * that the package type-checks and its entry exports every model type, that
 * the files claimed formatted are prettier's, and that the output depends on
 * the spec alone. The seeds stay one `src/models.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { clientNames } from '../../generator/emit/client/client-names.js';
import { modelLayout, SPLIT_ABOVE_SCHEMAS } from '../../generator/emit/client/models.js';
import { findInputVariants } from '../../generator/emit/client/type-text.js';
import { EMITTERS, type EmittedFile } from '../../generator/emit/index.js';
import { loadSpec } from '../../generator/load/index.js';
import { buildModel } from '../../generator/model/build.js';
import type { ApiModel } from '../../generator/model/types.js';
import { build } from '../../generator/pipeline.js';
import { falselyFormatted } from '../../generator/write/format.js';
import { writeOutput } from '../../generator/write/output.js';
import { checkPackages, linkNodeModules } from '../corpus/typecheck.js';
import { tempDir } from '../helpers/temp.js';
import { expectDistMatchesCompiler } from './helpers/dist-check.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const FILLERS = Array.from({ length: SPLIT_ABOVE_SCHEMAS }, (_, i) => `Filler${String(i + 1).padStart(3, '0')}`);
/** The fillers the `gamma` tag reaches; the rest are unreferenced. */
const GAMMA_FILLERS = FILLERS.slice(0, 40);

/**
 * Tags `alpha` and `beta` share `Common` (and what it reaches, cycles
 * included, and the `ApiError` that clashes with a runtime name); `gamma`
 * reaches some fillers; the tag `_shared` has a file of its own, `Shared.ts`;
 * `nothing` reaches no schema. `Orphan` is reached by no operation but
 * refers to one tag's schema and a shared one.
 */
function splitSpec(reverse = false): object {
  const order = <T>(entries: [string, T][]): Record<string, T> => Object.fromEntries(reverse ? entries.reverse() : entries);
  const object = (properties: Record<string, unknown>, extra: object = {}) => ({ type: 'object', properties, ...extra });
  const error = { '400': { description: 'bad', ...json(ref('ApiError')) } };
  return {
    openapi: '3.1.0',
    info: { title: 'Split', version: '1.0.0' },
    servers: [{ url: 'https://split.example.com' }],
    paths: order([
      ['/alpha', { get: { operationId: 'getAlpha', tags: ['alpha'], responses: { '200': { description: 'ok', ...json(ref('AlphaThing')) }, ...error } } }],
      [
        '/alpha/common',
        { put: { operationId: 'putAlphaCommon', tags: ['alpha'], requestBody: { required: true, ...json(ref('AlphaThing')) }, responses: { '200': { description: 'ok', ...json(ref('Common')) } } } },
      ],
      [
        '/beta',
        {
          post: {
            operationId: 'postBeta',
            tags: ['beta'],
            parameters: [{ name: 'kind', in: 'query', schema: ref('BetaQuery') }],
            requestBody: { required: true, ...json(ref('BetaThing')) },
            responses: { '201': { description: 'made', ...json(ref('BetaThing')) }, ...error },
          },
        },
      ],
      ['/gamma', { get: { operationId: 'getGamma', tags: ['gamma'], responses: { '200': { description: 'ok', ...json(ref('GammaBag')) } } } }],
      ['/own', { get: { operationId: 'getOwn', tags: ['_shared'], responses: { '200': { description: 'ok', ...json(ref('SharedTagThing')) } } } }],
      ['/nothing', { delete: { operationId: 'deleteNothing', tags: ['nothing'], parameters: [{ name: 'id', in: 'query', schema: { type: 'string' } }], responses: { '204': { description: 'gone' } } } }],
    ]),
    components: {
      schemas: order([
        ['AlphaThing', object({ id: { type: 'string', readOnly: true }, part: ref('AlphaPart'), common: ref('Common') }, { required: ['id'] })],
        ['AlphaPart', object({ children: { type: 'array', items: ref('AlphaPart') } })],
        ['ApiError', object({ message: { type: 'string' } })],
        ['BetaQuery', { enum: ['one', 'two'] }],
        ['BetaThing', object({ common: ref('Common'), kind: ref('BetaQuery') })],
        ['Common', object({ leaf: ref('CommonLeaf'), loop: ref('LoopA') })],
        ['CommonLeaf', { type: 'string' }],
        ['LoopA', object({ next: ref('LoopB') })],
        ['LoopB', object({ back: ref('LoopA') })],
        ['GammaBag', object(Object.fromEntries(GAMMA_FILLERS.map((f) => [f.toLowerCase(), ref(f)])))],
        ['SharedTagThing', object({ name: { type: 'string' } })],
        ['Orphan', object({ part: ref('AlphaPart'), common: ref('Common'), child: ref('OrphanChild') })],
        ['OrphanChild', { type: 'integer' }],
        ...FILLERS.map((f): [string, unknown] => [f, object({ value: { type: 'string' } })]),
      ]),
    },
  };
}

const SHARED = ['ApiError', 'Common', 'CommonLeaf', 'LoopA', 'LoopB'];
const PLACEMENT: Record<string, string[]> = {
  'src/models/Alpha.ts': ['AlphaPart', 'AlphaThing', 'AlphaThingInput'],
  'src/models/Beta.ts': ['BetaQuery', 'BetaThing'],
  'src/models/Gamma.ts': [...GAMMA_FILLERS, 'GammaBag'],
  'src/models/Shared.ts': ['SharedTagThing'],
  'src/models/_shared.ts': SHARED,
  'src/models/_unreferenced.ts': [...FILLERS.slice(GAMMA_FILLERS.length), 'Orphan', 'OrphanChild'],
};

/** The files as the emitters hand them over, before the pipeline formats anything. */
async function emitted(specFile: string): Promise<{ model: ApiModel; files: EmittedFile[] }> {
  const model = buildModel(await loadSpec(specFile));
  const files: EmittedFile[] = [];
  for (const emitter of EMITTERS) files.push(...(await emitter.emit(model)));
  return { model, files };
}

function writeSpec(dir: string, spec: object): string {
  const file = path.join(dir, 'split.json');
  fs.writeFileSync(file, JSON.stringify(spec, null, 2));
  return file;
}

/** `import type { A, B } from './x.js'` → [['A', 'B'], './x.js'], per import of a text. */
function imports(text: string): [string[], string][] {
  return [...text.matchAll(/^import (?:type )?\{([^}]*)\} from '([^']+)';/gms)].map((m) => [m[1].split(',').map((n) => n.trim()).filter(Boolean), m[2]]);
}

const exported = (text: string) => [...text.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]);

let root: string;
let model: ApiModel;
let files: EmittedFile[];
let byPath: Map<string, string>;
let outDir: string;
let typeErrors: string[];

beforeAll(async () => {
  root = tempDir('switchboard-models-split-');
  ({ model, files } = await emitted(writeSpec(root, splitSpec())));
  byPath = new Map(files.map((f) => [f.path, String(f.content)]));
  // The package as `switchboard generate` writes it, plus a file that imports every model type from the entry.
  outDir = path.join(root, 'out');
  writeOutput(outDir, (await build({ spec: path.join(root, 'split.json'), outDir })).files);
  const names = [...clientNames(model).modelExports.values()].sort();
  fs.writeFileSync(path.join(outDir, 'src', 'every-model.ts'), `import type { ${names.join(', ')} } from './index.js';\nexport type Every = [${names.join(', ')}];\n`);
  linkNodeModules(root);
  typeErrors = checkPackages([outDir]).get(outDir)!;
}, 120_000);

describe('models split per tag', () => {
  it('splits only above the threshold, and only with two tags or more; the seeds stay one file', async () => {
    const inputs = findInputVariants(model);
    expect(model.schemas.length).toBeGreaterThan(SPLIT_ABOVE_SCHEMAS);
    expect(modelLayout(model, inputs).split).toBe(true);
    expect(modelLayout(model, inputs, { splitAbove: model.schemas.length }).split).toBe(false);
    expect(modelLayout(model, inputs, { splitAbove: model.schemas.length - 1 }).split).toBe(true);
    expect(modelLayout({ ...model, tags: model.tags.slice(0, 1) }, inputs).split).toBe(false);
    for (const api of ['bandwidth', 'plivo', 'twilio']) {
      const seed = buildModel(await loadSpec(path.join(ROOT, 'specs', `${api}.yaml`)));
      expect(modelLayout(seed, findInputVariants(seed)).split, api).toBe(false);
    }
  });

  it('puts each schema in the file of the one tag that reaches it, else in the shared or the unreferenced file', () => {
    const modelFiles = files.filter((f) => f.path.startsWith('src/models/')).map((f) => f.path);
    expect(modelFiles).toEqual(Object.keys(PLACEMENT).sort());
    for (const [file, names] of Object.entries(PLACEMENT)) expect(exported(byPath.get(file)!), file).toEqual([...names].sort());
    expect(byPath.has('src/models/Nothing.ts')).toBe(false);
    expect(byPath.get('src/models.ts')).toBe(
      [
        "// Generated by Switchboard from the OpenAPI spec. Do not edit by hand; run `switchboard generate`.",
        "// The model types: each tag's own in `models/<Tag>.ts`, those several tags use in",
        '// `models/_shared.ts`, those no operation refers to in `models/_unreferenced.ts`.',
        ...Object.keys(PLACEMENT).map((f) => `export type * from './${f.slice('src/'.length, -'.ts'.length)}.js';`),
        '',
      ].join('\n'),
    );
  });

  it('imports exactly the names used, one way only: tag files from the shared file, which imports nothing', () => {
    expect(imports(byPath.get('src/models/_shared.ts')!)).toEqual([]);
    expect(imports(byPath.get('src/models/Alpha.ts')!)).toEqual([[['Common'], './_shared.js']]);
    expect(imports(byPath.get('src/models/Beta.ts')!)).toEqual([[['Common'], './_shared.js']]);
    expect(imports(byPath.get('src/models/Gamma.ts')!)).toEqual([]);
    expect(imports(byPath.get('src/models/_unreferenced.ts')!)).toEqual([
      [['AlphaPart'], './Alpha.js'],
      [['Common'], './_shared.js'],
    ]);
    expect(imports(byPath.get('src/resources/Alpha.ts')!).filter(([, from]) => from.includes('models'))).toEqual([
      [['AlphaThing', 'AlphaThingInput'], '../models/Alpha.js'],
      [['ApiError', 'Common'], '../models/_shared.js'],
    ]);
    expect(imports(byPath.get('src/resources/Beta.ts')!).filter(([, from]) => from.includes('models'))).toEqual([
      [['BetaQuery', 'BetaThing'], '../models/Beta.js'],
      [['ApiError'], '../models/_shared.js'],
    ]);
    expect(byPath.get('src/resources/Nothing.ts')).not.toContain('models');
    // Whatever the spec: a file under src/models or src/resources imports from its tag's file or the shared one only.
    for (const [file, text] of byPath) {
      const dir = /^src\/(models|resources)\/(\w+)\.ts$/.exec(file);
      if (!dir || dir[2] === '_unreferenced') continue;
      for (const [, from] of imports(text).filter(([, from]) => /models\/|^\.\/\w+\.js$/.test(from))) {
        const stem = /(\w+)\.js$/.exec(from)![1];
        expect([dir[2], '_shared'], `${file} imports ${from}`).toContain(stem);
      }
    }
    // The entry and the mocks read the model types through src/models.ts.
    expect(byPath.get('src/index.ts')).toContain("from './models.js';");
    expect(byPath.get('src/mocks/responses.ts')).toContain("from '../models.js';");
  });

  it('type-checks, and the package entry exports every model type', () => {
    expect(typeErrors).toEqual([]);
    expect(fs.readFileSync(path.join(outDir, 'src', 'every-model.ts'), 'utf8')).toContain('ApiError2');
  });

  it('claims prettier layout for the model and resource files, truly', async () => {
    const split = files.filter((f) => /^src\/(models|resources)[./]/.test(f.path));
    expect(split.filter((f) => !f.formatted).map((f) => f.path)).toEqual([]);
    expect(await falselyFormatted(files)).toEqual([]);
  });

  it('ships the split model files in dist/ as TypeScript emits them (the barrel re-exports types only)', () => {
    const texts = new Map(files.flatMap((f) => (typeof f.content === 'string' ? [[f.path, f.content] as const] : [])));
    expect(expectDistMatchesCompiler(texts)).toBeGreaterThan(Object.keys(PLACEMENT).length);
    expect(texts.get('dist/models.d.ts')).toBe(texts.get('src/models.ts'));
    expect(texts.get('dist/models.js')).toMatch(/^export \{\};$/m);
  });

  it('depends on the spec alone: the same files for the spec written in another order', async () => {
    const again = await emitted(writeSpec(tempDir('switchboard-models-split-'), splitSpec(true)));
    const text = (list: EmittedFile[]) => list.filter((f) => f.path.startsWith('src/')).map((f) => [f.path, f.content]);
    expect(text(again.files)).toEqual(text(files));
  });
});
