/**
 * Table-driven spec → model cases: [name, { given, want }].
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/index.js';
import { buildModel } from '../../generator/model/build.js';
import type { ApiModel } from '../../generator/model/types.js';
import { writeTree } from '../helpers/temp.js';

function model(yaml: string, extra: Record<string, string> = {}): ApiModel {
  const dir = writeTree({ 'api.yaml': yaml, ...extra });
  return buildModel(loadSpec(path.join(dir, 'api.yaml')));
}

const HEAD31 = 'openapi: 3.1.0\ninfo: {title: Demo, version: 2.0.0}\n';
const HEAD30 = 'openapi: 3.0.3\ninfo: {title: Demo, version: 2.0.0}\n';

type Case = [name: string, { given: string; want: (m: ApiModel) => void }];

const cases: Case[] = [
  [
    'params grouped by location, path-level merged and overridden',
    {
      given: `${HEAD31}paths:
  /calls/{id}:
    parameters:
      - {name: id, in: path, required: true, schema: {type: string}}
      - {name: limit, in: query, schema: {type: integer}}
    get:
      operationId: getCall
      parameters:
        - {name: limit, in: query, required: true, schema: {type: integer, maximum: 20}}
        - {name: X-Trace, in: header, schema: {type: string}}
      responses: {'200': {description: ok}}
`,
      want: (m) => {
        const op = m.operations[0];
        expect(op.params.path.map((p) => p.name)).toEqual(['id']);
        expect(op.params.query.map((p) => [p.name, p.required])).toEqual([['limit', true]]);
        expect(op.params.header.map((p) => p.name)).toEqual(['X-Trace']);
        expect(op.params.query[0].schema).toMatchObject({ kind: 'primitive', type: 'integer', constraints: { maximum: 20 } });
      },
    },
  ],
  [
    'bodies per media type and responses per status, sorted',
    {
      given: `${HEAD31}paths:
  /calls:
    post:
      operationId: makeCall
      requestBody:
        required: true
        content:
          application/x-www-form-urlencoded: {schema: {$ref: '#/components/schemas/New'}}
          application/json: {schema: {$ref: '#/components/schemas/New'}, example: {to: '+1'}}
      responses:
        default: {description: error}
        '201': {description: created, headers: {Location: {schema: {type: string}}}, content: {application/json: {schema: {$ref: '#/components/schemas/New'}}}}
        4XX: {description: client error}
        '400': {description: bad}
components:
  schemas:
    New: {type: object, required: [to], properties: {to: {type: string}}}
`,
      want: (m) => {
        const op = m.operations[0];
        expect(op.body?.required).toBe(true);
        expect(op.body?.contents.map((c) => c.mediaType)).toEqual(['application/json', 'application/x-www-form-urlencoded']);
        expect(op.body?.contents[0].example).toEqual({ to: '+1' });
        expect(op.responses.map((r) => r.status)).toEqual(['201', '400', '4XX', 'default']);
        expect(op.responses[0].headers.map((h) => h.name)).toEqual(['Location']);
        expect(op.responses[0].contents[0].schema).toMatchObject({ kind: 'ref', target: 'New' });
      },
    },
  ],
  [
    'named schemas stay references; circular schemas are fine',
    {
      given: `${HEAD31}paths: {}
components:
  schemas:
    Node: {type: object, properties: {children: {type: array, items: {$ref: '#/components/schemas/Node'}}, parent: {$ref: '#/components/schemas/Node'}}}
`,
      want: (m) => {
        const node = m.schemas[0];
        expect(node.typeName).toBe('Node');
        expect(node.schema).toMatchObject({
          kind: 'object',
          properties: [
            { name: 'children', schema: { kind: 'array', items: { kind: 'ref', target: 'Node' } } },
            { name: 'parent', schema: { kind: 'ref', target: 'Node' } },
          ],
        });
        expect(node.json).toEqual({
          type: 'object',
          properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } }, parent: { $ref: '#/components/schemas/Node' } },
        });
      },
    },
  ],
  [
    'OpenAPI 3.0 nullable and 3.1 type arrays give the same shape',
    {
      given: `${HEAD30}paths: {}
components:
  schemas:
    A: {type: string, nullable: true, enum: [a, b]}
    B: {type: integer, minimum: 1, exclusiveMinimum: true}
`,
      want: (m) => {
        expect(m.schemas[0].schema).toMatchObject({ kind: 'enum', nullable: true, values: ['a', 'b'] });
        expect(m.schemas[0].json).toEqual({ type: ['string', 'null'], enum: ['a', 'b', null] });
        expect(m.schemas[1].json).toEqual({ type: 'integer', exclusiveMinimum: 1 });
        const m31 = model(`${HEAD31}paths: {}\ncomponents:\n  schemas:\n    A: {type: [string, 'null'], enum: [a, b, null]}\n`);
        expect(m31.schemas[0].schema).toMatchObject({ kind: 'enum', nullable: true, values: ['a', 'b'] });
      },
    },
  ],
  [
    'oneOf with null is a nullable ref; allOf becomes an intersection',
    {
      given: `${HEAD31}paths: {}
components:
  schemas:
    A: {type: object, properties: {t: {oneOf: [{$ref: '#/components/schemas/B'}, {type: 'null'}]}}}
    B: {allOf: [{$ref: '#/components/schemas/C'}, {type: object, properties: {x: {type: string}}}]}
    C: {type: object, properties: {y: {type: boolean}}}
`,
      want: (m) => {
        expect(m.schemas[0].schema).toMatchObject({ properties: [{ name: 't', schema: { kind: 'ref', target: 'B', nullable: true } }] });
        expect(m.schemas[1].schema).toMatchObject({ kind: 'intersection', parts: [{ kind: 'ref', target: 'C' }, { kind: 'object' }] });
      },
    },
  ],
  [
    'operations grouped by tag with safe, unique names',
    {
      given: `${HEAD31}paths:
  /a:
    get: {operationId: class, tags: [Call Logs], responses: {'200': {description: ok}}}
    post: {operationId: Class, tags: [Call Logs], responses: {'200': {description: ok}}}
  /b:
    get: {tags: ['../../x'], responses: {'200': {description: ok}}}
`,
      want: (m) => {
        expect(m.tags.map((t) => [t.name, t.propertyName, t.typeName, t.fileName])).toEqual([
          ['../../x', 'x', 'X', 'X'],
          ['Call Logs', 'callLogs', 'CallLogs', 'CallLogs'],
        ]);
        expect(m.tags[1].operations.map((o) => o.methodName)).toEqual(['class_', 'class_2']);
        expect(m.tags[0].operations[0]).toMatchObject({ operationId: 'get /b', methodName: 'getB', tag: '../../x' });
      },
    },
  ],
  [
    'every node carries its pointer and line:col',
    {
      given: `${HEAD31}paths:
  /calls:
    get:
      operationId: listCalls
      parameters:
        - name: limit
          in: query
          schema: {type: integer}
      responses:
        '200':
          description: ok
`,
      want: (m) => {
        const op = m.operations[0];
        expect(op.loc).toMatchObject({ pointer: '#/paths/~1calls/get', line: 5, col: 5 });
        expect(op.params.query[0].loc).toMatchObject({ pointer: '#/paths/~1calls/get/parameters/0', line: 8, col: 11 });
        expect(op.responses[0].loc).toMatchObject({ pointer: '#/paths/~1calls/get/responses/200', line: 12, col: 9 });
      },
    },
  ],
  [
    'extensions: pagination, account param, method override, async, rate limit',
    {
      given: `${HEAD31}x-switchboard-method-override: {param: _method, via: POST, methods: [PUT, DELETE]}
x-switchboard-rate-limit: {requests: 300, windowSeconds: 5}
x-switchboard-async:
  urlParam: callback_url
  methodParam: callback_method
  status: 200
  response: {description: spawned, content: {application/json: {schema: {type: object}}}}
paths:
  /Account/{auth_id}/Call/:
    get:
      operationId: listCalls
      parameters:
        - {name: auth_id, in: path, required: true, schema: {type: string}, x-switchboard-account-param: {from: username}}
      x-switchboard-pagination: {style: offset, items: objects, next: meta.next, limitParam: limit, offsetParam: offset}
      responses: {'200': {description: ok}}
    delete:
      operationId: other
      x-switchboard-async: false
      parameters:
        - {name: auth_id, in: path, required: true, schema: {type: string}}
      responses: {'204': {description: gone}}
`,
      want: (m) => {
        const [list, del] = m.operations;
        expect(list.pagination).toEqual({ style: 'offset', items: 'objects', next: 'meta.next', limitParam: 'limit', offsetParam: 'offset' });
        expect(list.params.path[0].account).toEqual({ from: 'username' });
        expect(list.async).toMatchObject({ urlParam: 'callback_url', status: '200', response: { description: 'spawned' } });
        expect(del.async).toBeUndefined();
        expect(m.methodOverride).toEqual({ param: '_method', via: 'POST', methods: ['PUT', 'DELETE'] });
        expect(m.rateLimit).toEqual({ requests: 300, windowSeconds: 5 });
      },
    },
  ],
  [
    'schemas in other files are hoisted under safe names',
    {
      given: `${HEAD31}paths: {}
components:
  schemas:
    Pet: {$ref: './models/pet.yaml'}
    Owner: {type: object, properties: {pet: {$ref: './models/pet.yaml#/definitions/Tag'}}}
`,
      want: (m) => {
        expect(m.schemas.map((s) => s.typeName)).toEqual(['Owner', 'Pet', 'Pet2', 'Tag']);
        expect(m.schemas.find((s) => s.typeName === 'Pet')?.schema).toMatchObject({ kind: 'ref', target: 'Pet2' });
      },
    },
  ],
];

describe('spec → model', () => {
  it.each(cases)('%s', (name, { given, want }) => {
    const extra: Record<string, string> = name.startsWith('schemas in other files')
      ? { 'models/pet.yaml': 'type: object\nproperties:\n  name: {type: string}\ndefinitions:\n  Tag: {type: string}\n' }
      : {};
    want(model(given, extra));
  });
});
