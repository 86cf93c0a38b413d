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
import { GENERATED_HEADER } from '../ts.js';
import type { EmittedFile } from '../types.js';
import type { MockSpec } from './runtime/types.js';

/** A mock runtime module as imported from `src/mocks/` (`../../runtime/mocks/core.js`). */
function runtime(file: string): string {
  return runtimeImport('mocks', 'src/mocks/index.ts', file);
}

const RESPONSE_CTX: TypeContext = { direction: 'response', inputVariants: new Set() };

/**
 * `src/mocks/spec.ts`: the mock description as JSON text in a string, parsed
 * when the module loads. A string is neither printed by ts-morph nor inferred
 * and checked against `MockSpec` by tsc, which an object literal of many
 * megabytes was (bench/README.md); JSON.parse also keeps `__proto__` keys as
 * data.
 */
export function emitSpecFile(model: ApiModel, spec: MockSpec): EmittedFile {
  const doc = docComment(`The mock description of ${commentText(model.title)}: routes, schemas, examples and the inferred resources, as data.`);
  const statement = singleArgumentCall('export const spec: MockSpec = JSON.parse', safeQuote(JSON.stringify(spec)));
  return {
    path: 'src/mocks/spec.ts',
    content: `${GENERATED_HEADER}${importDeclaration(['MockSpec'], runtime('types.js'), { typeOnly: true })}\n${doc}\n${statement}\n`,
    formatted: true,
  };
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
 * `src/mocks/responses.ts`: the body type of every declared status of every
 * operation, laid out by the client's printer. Claimed `formatted` unless the
 * printer is unsure of a key (one prettier might unquote).
 */
export function emitResponsesFile(model: ApiModel, typeName: string): EmittedFile {
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
  return { path: 'src/mocks/responses.ts', content: `${GENERATED_HEADER}${imports}${printed.text}\n`, formatted: printed.formatted };
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

/** `src/mocks/index.ts`: the entry point of `@switchboard/<api>/mocks`. */
export function emitEntryFile(model: ApiModel, responsesType: string): EmittedFile {
  const title = commentText(model.title);
  const alias = responsesType === 'MockResponses' ? 'MockResponses' : `${responsesType} as MockResponses`;
  const imports = [
    importDeclaration(['HttpHandler'], 'msw', { typeOnly: true }),
    importDeclaration(['createMock as createMockOf', 'type Mock', 'type MockOptions', 'type OverrideResolver'], runtime('core.js')),
    importDeclaration(['createHandlers', 'loadMsw', 'mswMissing', 'overrideHandler'], runtime('msw.js')),
    importDeclaration(['MockServer', 'MockServerOptions'], runtime('server.js'), { typeOnly: true }),
    importDeclaration([alias], './responses.js', { typeOnly: true }),
    importDeclaration(['spec'], './spec.js'),
  ];
  const content = `${GENERATED_HEADER}${imports.join('\n')}
export type { MockResponses };
${docComment(`The id of an operation of ${title}.`)}
export type OperationId = keyof MockResponses;
/**
 * The mock behind \`handlers\`: stateful, seeded from the spec's examples.
 * Call \`mock.reset()\` between tests; \`mock.setFaults()\` and \`mock.failNext()\` inject faults.
 */
export const mock: Mock<MockResponses> = createMockOf<MockResponses>(spec);
// msw is an optional peer dependency: without it the handlers are empty and startMockServer still works.
const msw = await loadMsw();
${docComment(`MSW 2 request handlers for every operation of ${title}, most specific route first:
\`setupServer(...handlers)\` from \`msw/node\`. They check credentials and requests against the spec
and answer in the API's own formats.`)}
export const handlers: HttpHandler[] = msw ? createHandlers(mock, msw) : [];

/** A handler for \`server.use(...)\` that answers one operation with \`resolver\` (after the credential and request checks). The reply is typed by the operation's declared statuses; return \`undefined\` to answer as usual. */
export function override<K extends OperationId>(
  operationId: K,
  resolver: NoInfer<OverrideResolver<MockResponses[K]>>,
): HttpHandler {
  if (!msw) throw mswMissing();
  return overrideHandler(mock, msw, operationId, resolver as unknown as OverrideResolver<never>);
}

/** A new mock of this API, framework-free: \`await mock.handle(request)\` answers a fetch Request. */
export function createMock(options: MockOptions = {}): Mock<MockResponses> {
  return createMockOf<MockResponses>(spec, options);
}

/** A separate mock with its own options (stateless, credentials, faults, seed) and the MSW handlers bound to it. */
export function createMockHandlers(options: MockOptions = {}): {
  mock: Mock<MockResponses>;
  handlers: HttpHandler[];
} {
  if (!msw) throw mswMissing();
  const own = createMock(options);
  return { mock: own, handlers: createHandlers(own, msw) };
}

${docComment(`Starts the standalone mock server of ${title} (127.0.0.1:4010 unless told otherwise), serving under the spec's base path. msw is not needed.`)}
export async function startMockServer(
  options: MockOptions & MockServerOptions = {},
): Promise<MockServer<MockResponses>> {
  const { startServer } = await import('${runtime('server.js')}');
  return startServer(createMock(options), options);
}

export { spec };
${[
    exportDeclaration(['Mock', 'MockOptions', 'MockReply', 'OverrideContext', 'OverrideResolver'], runtime('core.js'), { typeOnly: true }),
    exportDeclaration(['FaultOptions'], runtime('faults.js'), { typeOnly: true }),
    exportDeclaration(['CallbackRecord'], runtime('callbacks.js'), { typeOnly: true }),
    exportDeclaration(['MockServer', 'MockServerOptions'], runtime('server.js'), { typeOnly: true }),
    exportDeclaration(['MockSpec'], runtime('types.js'), { typeOnly: true }),
  ].join('\n')}
`;
  return { path: 'src/mocks/index.ts', content, formatted: true };
}
