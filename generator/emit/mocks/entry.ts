/**
 * The generated files of the mocks entry, printed from ts-morph structures:
 * `src/mocks/index.ts` (handlers, override, startMockServer), `responses.ts`
 * (the typed status → body map per operation) and `spec.ts` (the data).
 */
import { StructureKind, VariableDeclarationKind, type OptionalKind, type SourceFileStructure, type StatementStructures } from 'ts-morph';
import { commentText, propertyKey } from '../../model/names.js';
import type { ApiModel, OperationNode, SchemaNode } from '../../model/types.js';
import { typeText, type TypeContext } from '../client/type-text.js';
import { GENERATED_HEADER, printSourceFile } from '../ts.js';
import { literal } from './literal.js';
import type { MockSpec } from './runtime/types.js';

const RESPONSE_CTX: TypeContext = { direction: 'response', inputVariants: new Set() };

/** `src/mocks/spec.ts`: the mock description as a typed constant. */
export function emitSpecFile(model: ApiModel, spec: MockSpec): string {
  return print({
    statements: [
      { kind: StructureKind.ImportDeclaration, moduleSpecifier: './runtime/types.js', isTypeOnly: true, namedImports: ['MockSpec'] },
      {
        kind: StructureKind.VariableStatement,
        isExported: true,
        declarationKind: VariableDeclarationKind.Const,
        docs: [`The mock description of ${commentText(model.title)}: routes, schemas, examples and the inferred resources, as data.`],
        declarations: [{ name: 'spec', type: 'MockSpec', initializer: literal(spec) }],
      },
    ],
  });
}

/** `src/mocks/responses.ts`: the body type of every declared status of every operation. */
export function emitResponsesFile(model: ApiModel, typeName: string): string {
  const refs = new Set<string>();
  const members = model.operations.map((op) => `${docOf(op)}${propertyKey(op.operationId)}: {\n${statusMembers(op, refs).join('\n')}\n};`);
  const statements: StatementStructures[] = [];
  if (refs.size > 0) statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: '../models.js', isTypeOnly: true, namedImports: [...refs].sort() });
  statements.push({
    kind: StructureKind.TypeAlias,
    name: typeName,
    isExported: true,
    docs: ['For each operation, the body type of each declared response status: what a typed `override()` may answer.'],
    type: `{\n${members.join('\n')}\n}`,
  });
  return print({ statements });
}

function statusMembers(op: OperationNode, refs: Set<string>): string[] {
  return op.responses
    .filter((r) => /^\d{3}$/.test(r.status))
    .map((r) => {
      const types = [...new Set(r.contents.map((c) => (collectRefs(c.schema, refs), typeText(c.schema, RESPONSE_CTX))))];
      return `${r.status}: ${types.length === 0 ? 'undefined' : types.join(' | ')};`;
    });
}

function docOf(op: OperationNode): string {
  const text = commentText(`\`${op.method.toUpperCase()} ${op.path}\`${op.summary ? `: ${op.summary}` : ''}`);
  return `/** ${text.replace(/\n/g, ' ')} */\n`;
}

function collectRefs(node: SchemaNode, out: Set<string>): void {
  switch (node.kind) {
    case 'ref':
      out.add(node.target);
      break;
    case 'array':
      collectRefs(node.items, out);
      break;
    case 'object':
      for (const p of node.properties) collectRefs(p.schema, out);
      if (typeof node.additional === 'object') collectRefs(node.additional, out);
      break;
    case 'union':
      node.variants.forEach((v) => collectRefs(v, out));
      break;
    case 'intersection':
      node.parts.forEach((p) => collectRefs(p, out));
      break;
  }
}

/** `src/mocks/index.ts`: the entry point of `@switchboard/<api>/mocks`. */
export function emitEntryFile(model: ApiModel, responsesType: string): string {
  const alias = responsesType === 'MockResponses' ? 'MockResponses' : `${responsesType} as MockResponses`;
  const statements: (string | StatementStructures)[] = [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: 'msw', isTypeOnly: true, namedImports: ['HttpHandler'] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './runtime/core.js', namedImports: ['createMock as createMockOf', 'type Mock', 'type MockOptions', 'type OverrideResolver'] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './runtime/msw.js', namedImports: ['createHandlers', 'loadMsw', 'mswMissing', 'overrideHandler'] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './runtime/server.js', isTypeOnly: true, namedImports: ['MockServer', 'MockServerOptions'] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './responses.js', isTypeOnly: true, namedImports: [alias] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './spec.js', namedImports: ['spec'] },
    ...ENTRY_BODY(model),
  ];
  return print({ statements });
}

function ENTRY_BODY(model: ApiModel): (string | StatementStructures)[] {
  const title = commentText(model.title);
  return [
    `export type { MockResponses };`,
    `/** The id of an operation of ${title}. */\nexport type OperationId = keyof MockResponses;`,
    `/**\n * The mock behind \`handlers\`: stateful, seeded from the spec's examples.\n * Call \`mock.reset()\` between tests; \`mock.setFaults()\` and \`mock.failNext()\` inject faults.\n */\nexport const mock: Mock<MockResponses> = createMockOf<MockResponses>(spec);`,
    `// msw is an optional peer dependency: without it the handlers are empty and startMockServer still works.\nconst msw = await loadMsw();`,
    `/**\n * MSW 2 request handlers for every operation of ${title}, most specific route first:\n * \`setupServer(...handlers)\` from \`msw/node\`. They check credentials and requests against the spec\n * and answer in the API's own formats.\n */\nexport const handlers: HttpHandler[] = msw ? createHandlers(mock, msw) : [];`,
    {
      kind: StructureKind.Function,
      isExported: true,
      name: 'override',
      docs: ['A handler for `server.use(...)` that answers one operation with `resolver` (after the credential and request checks). The reply is typed by the operation\'s declared statuses; return `undefined` to answer as usual.'],
      typeParameters: [{ name: 'K', constraint: 'OperationId' }],
      parameters: [
        { name: 'operationId', type: 'K' },
        { name: 'resolver', type: 'NoInfer<OverrideResolver<MockResponses[K]>>' },
      ],
      returnType: 'HttpHandler',
      statements: ['if (!msw) throw mswMissing();', 'return overrideHandler(mock, msw, operationId, resolver as unknown as OverrideResolver<never>);'],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: 'createMock',
      docs: ['A new mock of this API, framework-free: `await mock.handle(request)` answers a fetch Request.'],
      parameters: [{ name: 'options', type: 'MockOptions', initializer: '{}' }],
      returnType: 'Mock<MockResponses>',
      statements: ['return createMockOf<MockResponses>(spec, options);'],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: 'createMockHandlers',
      docs: ['A separate mock with its own options (stateless, credentials, faults, seed) and the MSW handlers bound to it.'],
      parameters: [{ name: 'options', type: 'MockOptions', initializer: '{}' }],
      returnType: '{ mock: Mock<MockResponses>; handlers: HttpHandler[] }',
      statements: ['if (!msw) throw mswMissing();', 'const own = createMock(options);', 'return { mock: own, handlers: createHandlers(own, msw) };'],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      isAsync: true,
      name: 'startMockServer',
      docs: [`Starts the standalone mock server of ${title} (127.0.0.1:4010 unless told otherwise), serving under the spec's base path. msw is not needed.`],
      parameters: [{ name: 'options', type: 'MockOptions & MockServerOptions', initializer: '{}' }],
      returnType: 'Promise<MockServer<MockResponses>>',
      statements: [`const { startServer } = await import('./runtime/server.js');`, 'return startServer(createMock(options), options);'],
    },
    `export { spec };`,
    `export type { Mock, MockOptions, MockReply, OverrideContext, OverrideResolver } from './runtime/core.js';`,
    `export type { FaultOptions } from './runtime/faults.js';`,
    `export type { CallbackRecord } from './runtime/callbacks.js';`,
    `export type { MockServer, MockServerOptions } from './runtime/server.js';`,
    `export type { MockSpec } from './runtime/types.js';`,
  ];
}

function print(structure: OptionalKind<SourceFileStructure>): string {
  return `${GENERATED_HEADER}${printSourceFile(structure)}`;
}
