/**
 * The generated files of the mocks entry, printed as text in prettier's
 * layout: `src/mocks/index.ts` (handlers, override, startMockServer),
 * `responses.ts` (the typed status → body map per operation) and `spec.ts`
 * (the data).
 */
import { commentText } from '../../model/names.js';
import type { ApiModel, OperationNode } from '../../model/types.js';
import { schemaRefs } from '../client/models.js';
import { printDocumentedTypeAlias } from '../client/printer.js';
import { nameType, tsType, union, unique, type TsProperty, type TypeContext } from '../client/type-text.js';
import { docComment, exportDeclaration, group, ifBreak, importDeclaration, indent, PRINT_WIDTH, printDoc, safeQuote, softline } from '../layout.js';
import { runtimeImport } from '../runtime-build.js';
import { GENERATED_HEADER, moduleFiles } from '../ts.js';
import type { EmittedFile } from '../types.js';
import type { MockSpec } from './runtime/types.js';

/** A mock runtime module as imported from `src/mocks/` (`../../runtime/mocks/core.js`). */
function runtime(file: string): string {
  return runtimeImport('mocks', 'src/mocks/index.ts', file);
}

const RESPONSE_CTX: TypeContext = { direction: 'response', inputVariants: new Set() };

/**
 * `src/mocks/spec.ts` (and `dist/mocks/spec.js`, `.d.ts`): the mock
 * description as JSON text in a string, parsed when the module loads. A string is neither printed by ts-morph nor inferred
 * and checked against `MockSpec` by tsc, which an object literal of many
 * megabytes was (bench/README.md); JSON.parse also keeps `__proto__` keys as
 * data.
 */
export function emitSpecFiles(model: ApiModel, spec: MockSpec): EmittedFile[] {
  const doc = docComment(`The mock description of ${commentText(model.title)}: routes, schemas, examples and the inferred resources, as data.`);
  const data = safeQuote(JSON.stringify(spec));
  const imports = importDeclaration(['MockSpec'], runtime('types.js'), { typeOnly: true });
  return moduleFiles('src/mocks/spec.ts', {
    ts: { text: `${GENERATED_HEADER}${imports}\n${doc}\n${singleArgumentCall('export const spec: MockSpec = JSON.parse', data)}\n`, formatted: true },
    js: { text: `${GENERATED_HEADER}${doc}\n${singleArgumentCall('export const spec = JSON.parse', data)}\n`, formatted: true },
    dts: { text: `${GENERATED_HEADER}${imports}\n${doc}\nexport declare const spec: MockSpec;\n`, formatted: true },
  });
}

/**
 * `head(argument);` on one line when it fits, else the argument alone on the
 * next line, as prettier breaks a call. Prettier's fitting measures the whole
 * text, which takes seconds for megabytes of JSON (GitHub's); but each ASCII
 * character is a column, so a start with more of them than a line holds
 * already tells it does not fit.
 */
function singleArgumentCall(head: string, argument: string): string {
  if (argument.slice(0, 2 * PRINT_WIDTH).replace(/[^ -~]/g, '').length > PRINT_WIDTH) return `${head}(\n  ${argument},\n);`;
  return printDoc(group([head, '(', indent([softline, argument]), ifBreak(','), softline, ');']));
}

/**
 * `src/mocks/responses.ts` (and its `dist/` files): the body type of every
 * declared status of every operation, laid out by the client's printer. Claimed `formatted` unless the
 * printer is unsure of a key (one prettier might unquote).
 */
export function emitResponsesFiles(model: ApiModel, typeName: string): EmittedFile[] {
  const refs = new Set<string>();
  const members = model.operations.map(
    (op): TsProperty => ({
      name: op.operationId,
      optional: false,
      type: { kind: 'object', properties: statusMembers(op, refs), multiline: true },
      docs: [docOf(op)],
    }),
  );
  const imports = refs.size > 0 ? `${importDeclaration([...refs].sort(), '../models.js', { typeOnly: true })}\n` : '';
  const doc = 'For each operation, the body type of each declared response status: what a typed `override()` may answer.';
  const printed = printDocumentedTypeAlias(typeName, doc, members);
  const types = { text: `${GENERATED_HEADER}${imports}${printed.text}\n`, formatted: printed.formatted };
  // Types only: the declarations are the source itself, and the JavaScript is an empty module.
  return moduleFiles('src/mocks/responses.ts', { ts: types, dts: types, js: { text: `${GENERATED_HEADER}export {};\n`, formatted: true } });
}

/**
 * `200: Account;` per numeric status: the union of its bodies' types (each
 * once, a union's members spread, as `A | B` reads), `undefined` without one.
 */
function statusMembers(op: OperationNode, refs: Set<string>): TsProperty[] {
  return op.responses
    .filter((r) => /^\d{3}$/.test(r.status))
    .map((r) => {
      const types = unique(r.contents.map((c) => (schemaRefs(c.schema, refs), tsType(c.schema, RESPONSE_CTX))));
      const type = types.length === 0 ? nameType('undefined') : union(types.flatMap((t) => (t.kind === 'union' ? t.types : [t])));
      // A number key, as statuses are written; quoted in the odd case a number would read differently (`099`).
      const name = String(Number(r.status)) === r.status ? Number(r.status) : r.status;
      return { name, optional: false, type, docs: [] };
    });
}

function docOf(op: OperationNode): string {
  return commentText(`\`${op.method.toUpperCase()} ${op.path}\`${op.summary ? `: ${op.summary}` : ''}`).replace(/\n/g, ' ');
}

/**
 * `src/mocks/index.ts`, the entry point of `@switchboard/<api>/mocks`, with
 * its JavaScript and declarations (`dist/mocks/index.js`, `.d.ts`): each
 * part below is written once per view, side by side, and test/client/dist.test.ts
 * holds the JavaScript and declarations to what TypeScript makes of the source.
 * No top-level `await` (msw is loaded synchronously), so that
 * `require('@switchboard/<api>/mocks')` works (Node ≥ 20.19).
 */
export function emitEntryFiles(model: ApiModel, responsesType: string): EmittedFile[] {
  const title = commentText(model.title);
  const alias = responsesType === 'MockResponses' ? 'MockResponses' : `${responsesType} as MockResponses`;
  const types = (names: string[], file: string) => importDeclaration(names, runtime(file), { typeOnly: true });
  const typeExports = (names: string[], file: string) => exportDeclaration(names, runtime(file), { typeOnly: true });
  const parts: Part[] = [
    { ts: importDeclaration(['HttpHandler'], 'msw', { typeOnly: true }), dts: true },
    {
      ts: importDeclaration(['createMock as createMockOf', 'type Mock', 'type MockOptions', 'type OverrideResolver'], runtime('core.js')),
      js: importDeclaration(['createMock as createMockOf'], runtime('core.js')),
      dts: types(['Mock', 'MockOptions', 'OverrideResolver'], 'core.js'),
    },
    { ts: importDeclaration(['createHandlers', 'loadMsw', 'mswMissing', 'overrideHandler'], runtime('msw.js')), js: true },
    { ts: types(['MockServer', 'MockServerOptions'], 'server.js'), dts: true },
    { ts: importDeclaration([alias], './responses.js', { typeOnly: true }), dts: true },
    { ts: importDeclaration(['spec'], './spec.js'), js: true, dts: true },
    { ts: 'export type { MockResponses };', dts: true },
    { ts: `${docComment(`The id of an operation of ${title}.`)}\nexport type OperationId = keyof MockResponses;`, dts: true },
    {
      ts: `${MOCK_DOC}\nexport const mock: Mock<MockResponses> = createMockOf<MockResponses>(spec);`,
      js: `${MOCK_DOC}\nexport const mock = createMockOf(spec);`,
      dts: `${MOCK_DOC}\nexport declare const mock: Mock<MockResponses>;`,
    },
    { ts: `${MSW_COMMENT}\nconst msw = loadMsw();`, js: true },
    {
      ts: `${handlersDoc(title)}\nexport const handlers: HttpHandler[] = msw ? createHandlers(mock, msw) : [];\n`,
      js: `${handlersDoc(title)}\nexport const handlers = msw ? createHandlers(mock, msw) : [];\n`,
      dts: `${handlersDoc(title)}\nexport declare const handlers: HttpHandler[];`,
    },
    {
      ts: `${OVERRIDE_DOC}
export function override<K extends OperationId>(
  operationId: K,
  resolver: NoInfer<OverrideResolver<MockResponses[K]>>,
): HttpHandler {
  if (!msw) throw mswMissing();
  return overrideHandler(mock, msw, operationId, resolver as unknown as OverrideResolver<never>);
}
`,
      js: `${OVERRIDE_DOC}
export function override(operationId, resolver) {
  if (!msw) throw mswMissing();
  return overrideHandler(mock, msw, operationId, resolver);
}
`,
      dts: `${OVERRIDE_DOC}
export declare function override<K extends OperationId>(
  operationId: K,
  resolver: NoInfer<OverrideResolver<MockResponses[K]>>,
): HttpHandler;`,
    },
    {
      ts: `${CREATE_MOCK_DOC}
export function createMock(options: MockOptions = {}): Mock<MockResponses> {
  return createMockOf<MockResponses>(spec, options);
}
`,
      js: `${CREATE_MOCK_DOC}
export function createMock(options = {}) {
  return createMockOf(spec, options);
}
`,
      dts: `${CREATE_MOCK_DOC}\nexport declare function createMock(options?: MockOptions): Mock<MockResponses>;`,
    },
    {
      ts: `${CREATE_HANDLERS_DOC}
export function createMockHandlers(options: MockOptions = {}): {
  mock: Mock<MockResponses>;
  handlers: HttpHandler[];
} {
  if (!msw) throw mswMissing();
  const own = createMock(options);
  return { mock: own, handlers: createHandlers(own, msw) };
}
`,
      js: `${CREATE_HANDLERS_DOC}
export function createMockHandlers(options = {}) {
  if (!msw) throw mswMissing();
  const own = createMock(options);
  return { mock: own, handlers: createHandlers(own, msw) };
}
`,
      dts: `${CREATE_HANDLERS_DOC}
export declare function createMockHandlers(options?: MockOptions): {
  mock: Mock<MockResponses>;
  handlers: HttpHandler[];
};`,
    },
    {
      ts: `${serverDoc(title)}
export async function startMockServer(
  options: MockOptions & MockServerOptions = {},
): Promise<MockServer<MockResponses>> {
  const { startServer } = await import('${runtime('server.js')}');
  return startServer(createMock(options), options);
}
`,
      js: `${serverDoc(title)}
export async function startMockServer(options = {}) {
  const { startServer } = await import('${runtime('server.js')}');
  return startServer(createMock(options), options);
}
`,
      dts: `${serverDoc(title)}
export declare function startMockServer(
  options?: MockOptions & MockServerOptions,
): Promise<MockServer<MockResponses>>;`,
    },
    { ts: 'export { spec };', js: true, dts: true },
    {
      ts: [
        typeExports(['Mock', 'MockOptions', 'MockReply', 'OverrideContext', 'OverrideResolver'], 'core.js'),
        typeExports(['FaultOptions'], 'faults.js'),
        typeExports(['CallbackRecord'], 'callbacks.js'),
        typeExports(['MockServer', 'MockServerOptions'], 'server.js'),
        typeExports(['MockSpec'], 'types.js'),
      ].join('\n'),
      dts: true,
    },
  ];
  const view = (pick: (part: Part) => string | undefined): string => `${GENERATED_HEADER}${parts.flatMap((part) => pick(part) ?? []).join('\n')}\n`;
  const text = (own: string | boolean | undefined, ts: string) => (own === true ? ts : own || undefined);
  return moduleFiles('src/mocks/index.ts', {
    ts: { text: view((p) => p.ts), formatted: true },
    js: { text: view((p) => text(p.js, p.ts)), formatted: true },
    dts: { text: view((p) => text(p.dts, p.ts)), formatted: true },
  });
}

/** A part of the mocks entry: its TypeScript, and its JavaScript and declaration (`true`: the same text; absent: none). */
interface Part {
  ts: string;
  js?: string | true;
  dts?: string | true;
}

const MOCK_DOC = `/**
 * The mock behind \`handlers\`: stateful, seeded from the spec's examples.
 * Call \`mock.reset()\` between tests; \`mock.setFaults()\` and \`mock.failNext()\` inject faults.
 */`;

const MSW_COMMENT = [
  '// msw is an optional peer dependency: without it the handlers are empty and startMockServer still works.',
  '// It is loaded synchronously (no top-level await), so that this module can be require()d.',
].join('\n');

function handlersDoc(title: string): string {
  return docComment(`MSW 2 request handlers for every operation of ${title}, most specific route first:
\`setupServer(...handlers)\` from \`msw/node\`. They check credentials and requests against the spec
and answer in the API's own formats.`);
}

const OVERRIDE_DOC =
  "/** A handler for `server.use(...)` that answers one operation with `resolver` (after the credential and request checks). The reply is typed by the operation's declared statuses; return `undefined` to answer as usual. */";

const CREATE_MOCK_DOC = '/** A new mock of this API, framework-free: `await mock.handle(request)` answers a fetch Request. */';

const CREATE_HANDLERS_DOC = '/** A separate mock with its own options (stateless, credentials, faults, seed) and the MSW handlers bound to it. */';

function serverDoc(title: string): string {
  return docComment(`Starts the standalone mock server of ${title} (127.0.0.1:4010 unless told otherwise), serving under the spec's base path. msw is not needed.`);
}
