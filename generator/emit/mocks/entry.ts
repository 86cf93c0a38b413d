/**
 * The generated files of the mocks entry, printed as text in prettier's
 * layout: `src/mocks/index.ts` (handlers, override, startMockServer),
 * `responses.ts` (the typed status → body map per operation) and `spec.ts`
 * (the data).
 */
import { commentText } from '../../model/names.js';
import type { ApiModel, OperationNode, SchemaNode } from '../../model/types.js';
import { typeText, type TypeContext } from '../client/type-text.js';
import { docComment, exportDeclaration, group, ifBreak, importDeclaration, indent, isIdentifierName, PRINT_WIDTH, printDoc, safeQuote, softline } from '../layout.js';
import { GENERATED_HEADER } from '../ts.js';
import type { EmittedFile } from '../types.js';
import type { MockSpec } from './runtime/types.js';

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
    content: `${GENERATED_HEADER}${importDeclaration(['MockSpec'], './runtime/types.js', { typeOnly: true })}\n${doc}\n${statement}\n`,
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
 * operation. Claimed `formatted` when every body type is one line that fits and
 * every key is printed as prettier prints it; otherwise prettier lays it out.
 */
export function emitResponsesFile(model: ApiModel, typeName: string): EmittedFile {
  const refs = new Set<string>();
  let laidOut = true;
  const members = model.operations.map((op) => {
    const key = memberKey(op.operationId);
    const statuses = statusMembers(op, refs);
    laidOut &&= key.certain && statuses.every(isLaidOut);
    const body = statuses.length === 0 ? '{}' : `{\n${statuses.map((s) => `    ${s}`).join('\n')}\n  }`;
    return `  ${docOf(op)}\n  ${key.text}: ${body};\n`;
  });
  const imports = refs.size > 0 ? `${importDeclaration([...refs].sort(), '../models.js', { typeOnly: true })}\n` : '';
  const doc = docComment('For each operation, the body type of each declared response status: what a typed `override()` may answer.');
  const type = members.length === 0 ? '{}' : `{\n${members.join('')}}`;
  return { path: 'src/mocks/responses.ts', content: `${GENERATED_HEADER}${imports}${doc}\nexport type ${typeName} = ${type};\n`, formatted: laidOut };
}

/** Names that may be identifiers, by ES5's letter classes or by today's ID_Start/ID_Continue: the union of both, to err toward "maybe". */
const MAYBE_IDENTIFIER = /^[$_\p{L}\p{Nl}\p{ID_Start}][$_\u200c\u200d\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}\p{ID_Continue}]*$/u;

/**
 * A member key as prettier prints it: bare when it is an identifier name
 * (`__proto__` too: in a type it is an ordinary property), quoted otherwise.
 * Prettier also unquotes names that are identifiers only by Unicode's rules
 * (`café`); for a name that may be one, `certain` is false.
 */
function memberKey(name: string): { text: string; certain: boolean } {
  if (isIdentifierName(name)) return { text: name, certain: true };
  return { text: safeQuote(name), certain: !MAYBE_IDENTIFIER.test(name) };
}

/** `200: Account;` when prettier would print it as is: one line of names, generics, unions and intersections that fits at its indentation. */
function isLaidOut(member: string): boolean {
  return /^[\w$<>,|&() :;]+$/.test(member) && 4 + member.length <= PRINT_WIDTH;
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
  return docComment(commentText(`\`${op.method.toUpperCase()} ${op.path}\`${op.summary ? `: ${op.summary}` : ''}`).replace(/\n/g, ' '));
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
export function emitEntryFile(model: ApiModel, responsesType: string): EmittedFile {
  const title = commentText(model.title);
  const alias = responsesType === 'MockResponses' ? 'MockResponses' : `${responsesType} as MockResponses`;
  const imports = [
    importDeclaration(['HttpHandler'], 'msw', { typeOnly: true }),
    importDeclaration(['createMock as createMockOf', 'type Mock', 'type MockOptions', 'type OverrideResolver'], './runtime/core.js'),
    importDeclaration(['createHandlers', 'loadMsw', 'mswMissing', 'overrideHandler'], './runtime/msw.js'),
    importDeclaration(['MockServer', 'MockServerOptions'], './runtime/server.js', { typeOnly: true }),
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
  const { startServer } = await import('./runtime/server.js');
  return startServer(createMock(options), options);
}

export { spec };
${[
    exportDeclaration(['Mock', 'MockOptions', 'MockReply', 'OverrideContext', 'OverrideResolver'], './runtime/core.js', { typeOnly: true }),
    exportDeclaration(['FaultOptions'], './runtime/faults.js', { typeOnly: true }),
    exportDeclaration(['CallbackRecord'], './runtime/callbacks.js', { typeOnly: true }),
    exportDeclaration(['MockServer', 'MockServerOptions'], './runtime/server.js', { typeOnly: true }),
    exportDeclaration(['MockSpec'], './runtime/types.js', { typeOnly: true }),
  ].join('\n')}
`;
  return { path: 'src/mocks/index.ts', content, formatted: true };
}
