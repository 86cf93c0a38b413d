/**
 * Property: for random valid schemas, (1) the generated types accept the
 * mock's generated samples (checked with tsc, strict), and (2) the mock's
 * request validator accepts what the generated client sends when given those
 * samples, over real HTTP on 127.0.0.1.
 *
 * Each fast-check run puts a batch of random schemas into one spec, so a run
 * costs one generation and one type-check; `SCHEMAS_PER_RUN × RUNS` schemas
 * are tried in all.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPackages } from '../corpus/typecheck.js';
import { emitPackage, importPackage, removeTempDirs } from './package.js';
import { paramSchemaArb, schemaArb } from './schemas.js';

afterAll(removeTempDirs);

const RUNS = 3;
const SCHEMAS_PER_RUN = 20;

/** One spec: per schema i, GET /r{i} returns `{ body: S{i}, q: Q{i} }` and POST /r{i}?q= takes S{i} as JSON. */
function specOf(bodies: object[], params: object[]): object {
  const schemas: Record<string, unknown> = {};
  const paths: Record<string, unknown> = {};
  bodies.forEach((body, i) => {
    schemas[`S${i}`] = body;
    schemas[`Q${i}`] = params[i];
    schemas[`R${i}`] = { type: 'object', required: ['body', 'q'], properties: { body: { $ref: `#/components/schemas/S${i}` }, q: { $ref: `#/components/schemas/Q${i}` } } };
    const json = (name: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } });
    paths[`/r${i}`] = {
      get: { operationId: `getR${i}`, tags: ['Props'], responses: { '200': { description: 'ok', content: json(`R${i}`) } } },
      post: {
        operationId: `postR${i}`,
        tags: ['Props'],
        parameters: [{ name: 'q', in: 'query', required: true, schema: { $ref: `#/components/schemas/Q${i}` } }],
        requestBody: { required: true, content: json(`S${i}`) },
        responses: { '204': { description: 'accepted' } },
      },
    };
  });
  return { openapi: '3.1.0', info: { title: 'Props', version: '1.0.0' }, servers: [{ url: 'https://props.example.com/v1' }], paths, components: { schemas } };
}

/** A TypeScript file that assigns every sample to its generated type and passes it to the client's method types. */
function typeAssertions(samples: { body: unknown; q: unknown }[]): string {
  const names = samples.flatMap((_, i) => [`S${i}`, `Q${i}`]);
  const lines = [`import type { ${names.join(', ')} } from './models.js';`, "import type { PropsClient } from './index.js';"];
  samples.forEach((s, i) => {
    lines.push(`export const s${i}: S${i} = ${JSON.stringify(s.body)};`, `export const q${i}: Q${i} = ${JSON.stringify(s.q)};`);
  });
  lines.push('export async function send(client: PropsClient): Promise<void> {');
  samples.forEach((_, i) => lines.push(`  await client.props.postR${i}({ q: q${i}, body: s${i} });`));
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

async function checkBatch(bodies: object[], params: object[]): Promise<void> {
  const { dir } = await emitPackage(specOf(bodies, params), 'props');
  const { client: clientMod, mocks } = await importPackage(dir);
  const server = await mocks.startMockServer({ port: 0, stateless: true });
  try {
    const client = new clientMod.PropsClient({ baseUrl: server.baseUrl, maxRetries: 0 });
    const samples: { body: unknown; q: unknown }[] = [];
    for (let i = 0; i < bodies.length; i++) {
      const sample = await client.props[`getR${i}`]();
      samples.push(sample);
      try {
        await client.props[`postR${i}`]({ q: sample.q, body: sample.body });
      } catch (error) {
        throw new Error(`mock refused what the client sent for S${i}=${JSON.stringify(bodies[i])} Q${i}=${JSON.stringify(params[i])} sample=${JSON.stringify(sample)}: ${(error as Error).message}`);
      }
    }
    fs.writeFileSync(path.join(dir, 'src', 'samples-check.ts'), typeAssertions(samples));
    const errors = checkPackages([dir], { generatedOnly: true }).get(dir) ?? [];
    if (errors.length > 0) {
      const named = errors.map((e) => e.replace(dir, '')).slice(0, 5);
      throw new Error(`generated types refuse mock samples:\n${named.join('\n')}\nschemas: ${JSON.stringify(bodies)}\nparams: ${JSON.stringify(params)}`);
    }
  } finally {
    await server.close();
  }
}

describe('random schemas: types accept mock samples, the mock accepts what the client sends', () => {
  it('holds for every batch', async () => {
    const batch = fc.tuple(fc.array(schemaArb, { minLength: SCHEMAS_PER_RUN, maxLength: SCHEMAS_PER_RUN }), fc.array(paramSchemaArb, { minLength: SCHEMAS_PER_RUN, maxLength: SCHEMAS_PER_RUN }));
    await fc.assert(
      fc.asyncProperty(batch, ([bodies, params]) => checkBatch(bodies, params)),
      { numRuns: RUNS, seed: 20261122, endOnFailure: true },
    );
    expect(true).toBe(true);
  }, 240_000);
});
