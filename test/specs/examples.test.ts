/**
 * Every example in every spec validates against its schema (ajv, JSON Schema
 * 2020-12, with formats): media examples of request and response bodies,
 * parameter and header examples, and schema-level examples of components.
 */
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/index.js';
import { buildModel } from '../../generator/model/build.js';
import type { ApiModel, JsonSchema, MediaNode } from '../../generator/model/types.js';

const APIS = ['bandwidth', 'plivo', 'twilio'] as const;

function validator(model: ApiModel): (schema: JsonSchema, value: unknown) => string | undefined {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  for (const f of ['int32', 'int64', 'float', 'double']) ajv.addFormat(f, true);
  const schemas = Object.fromEntries(model.schemas.map((s) => [s.typeName, s.json]));
  return (schema, value) => {
    const validate = ajv.compile({ $id: `urn:x:${Math.random()}`, components: { schemas }, ...(typeof schema === 'object' ? schema : {}) });
    return validate(value) ? undefined : ajv.errorsText(validate.errors);
  };
}

function isJson(m: MediaNode): boolean {
  return /json|x-www-form-urlencoded/.test(m.mediaType);
}

describe.each(APIS)('%s spec examples', (api) => {
  const model = buildModel(loadSpec(path.resolve(`specs/${api}.yaml`)));
  const check = validator(model);

  it('every JSON or form body of every operation has an example, and each validates', () => {
    let checked = 0;
    for (const op of model.operations) {
      const media = [...(op.body?.contents ?? []), ...op.responses.flatMap((r) => r.contents)].filter(isJson);
      for (const m of media) {
        expect(m.examples.length + (m.example !== undefined ? 1 : 0), `${op.operationId} ${m.mediaType} has no example`).toBeGreaterThan(0);
        for (const ex of m.examples.length ? m.examples.map((e) => e.value) : [m.example]) {
          expect(check(m.json, ex), `${op.operationId} ${m.mediaType} at line ${m.loc.line}`).toBeUndefined();
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(model.operations.length);
  });

  it('parameter examples validate', () => {
    for (const op of model.operations) {
      for (const p of Object.values(op.params).flat()) {
        if (p.example !== undefined) expect(check(p.json, p.example), `${op.operationId} ${p.name}`).toBeUndefined();
      }
    }
  });

  it('schema-level examples and defaults of components validate', () => {
    for (const s of model.schemas) {
      if (s.schema.example !== undefined) expect(check(s.json, s.schema.example), s.typeName).toBeUndefined();
      if (s.schema.default !== undefined) expect(check(s.json, s.schema.default), s.typeName).toBeUndefined();
    }
  });

  it('the validator does reject a wrong example', () => {
    const op = model.operations.find((o) => o.responses.some((r) => r.contents.some((c) => isJson(c) && c.example !== undefined && typeof c.example === 'object')))!;
    const media = op.responses.flatMap((r) => r.contents).find((c) => isJson(c) && typeof c.example === 'object')!;
    expect(check(media.json, 42)).toBeDefined();
  });
});
