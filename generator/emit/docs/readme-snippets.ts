/**
 * The TypeScript examples of a package README: quick start, authentication,
 * errors, retries, timeouts, pagination, the seed-specific features (method
 * override, async callbacks, rate limit) and the mocks. Each is driven by the
 * model (which operations exist, which extensions are declared), never by the
 * API's name, and each is type-checked by the docs test.
 */
import type { OperationNode, TagNode } from '../../model/types.js';
import { callExpr, envVars, exampleParams, iteratorOf, resultKind, sampleSettings } from './calls.js';
import { awaited, block, constStatement, forAwait, id, member, num, object, printProgram, str, type Expr, type Statement } from './code-layout.js';
import { callLines, clientLines, importLine, importNames, newClient, tryCatch, type SnippetContext } from './snippets.js';

/** An operation and the tag (client resource group) it belongs to. */
export interface OperationRef {
  tag: TagNode;
  op: OperationNode;
}

/** Every operation with its tag, in page order. */
export function allOperations(ctx: SnippetContext): OperationRef[] {
  return ctx.model.tags.flatMap((tag) => tag.operations.map((op) => ({ tag, op })));
}

/** The operation the README's examples use: a GET that needs no input if there is one. */
export function showcase(ctx: SnippetContext): OperationRef | undefined {
  const all = allOperations(ctx);
  const gets = all.filter((r) => r.op.method === 'get' && resultKind(r.op) === 'body');
  return gets.find((r) => exampleParams(r.op, ctx) === undefined) ?? gets[0] ?? all[0];
}

function clientImport(ctx: SnippetContext, extra: string[] = []): Statement {
  return importLine(ctx, [ctx.names.className, ...extra]);
}

/** `const client = new PlivoClient({ maxRetries: 3 });` */
function clientWith(ctx: SnippetContext, options: [string, Expr][]): Statement {
  return constStatement('client', newClient(ctx, object(options)));
}

export function quickStart(ctx: SnippetContext, ref: OperationRef): string {
  return printProgram([clientImport(ctx, ['ApiError']), '', ...clientLines(ctx), '', tryCatch(callLines(ctx, ref.tag, ref.op, 2))]);
}

/** Credentials passed in code, each read from its environment variable. */
export function authInCode(ctx: SnippetContext): string {
  const entries = envVars(ctx.model).map((v): [string, Expr] => [v.option, member('process.env', v.env)]);
  return printProgram([clientImport(ctx), '', constStatement('client', newClient(ctx, entries.length ? object(entries) : undefined)), 'console.log(client);']);
}

export function errors(ctx: SnippetContext, ref: OperationRef): string {
  const names = ['ApiError', 'AuthenticationError', 'NotFoundError', 'RateLimitError', 'ConnectionError', 'TimeoutError'];
  const handlers = [
    'if (error instanceof NotFoundError) {',
    "  console.error('Not found:', error.message);",
    '} else if (error instanceof AuthenticationError) {',
    "  console.error('Check your credentials:', error.message);",
    '} else if (error instanceof RateLimitError) {',
    "  console.error('Rate limited even after retries:', error.message);",
    '} else if (error instanceof ApiError) {',
    "  // Every HTTP error: status, headers, parsed body, and the API's request id and error code.",
    '  console.error(error.status, error.message, error.requestId, error.code, error.body);',
    '} else if (error instanceof ConnectionError || error instanceof TimeoutError) {',
    "  console.error('No response:', error.message);",
    '} else {',
    '  throw error;',
    '}',
  ];
  return printProgram([clientImport(ctx, names), '', ...clientLines(ctx), '', tryCatch(callLines(ctx, ref.tag, ref.op, 2), handlers)]);
}

export function retries(ctx: SnippetContext, ref: OperationRef): string {
  return printProgram([
    clientImport(ctx),
    '',
    '// Retry up to 3 times; 0 turns retries off.',
    clientWith(ctx, [['maxRetries', num(3)]]),
    '',
    '// Per call:',
    constStatement('result', awaited(callExpr(ref.tag, ref.op, ctx, ref.op.methodName, object([['maxRetries', num(0)]])))),
    'console.log(result);',
  ]);
}

export function timeouts(ctx: SnippetContext, ref: OperationRef): string {
  const options = object([
    ['timeout', { kind: 'number', text: '5_000' }],
    ['signal', member('controller.signal')],
  ]);
  return printProgram([
    clientImport(ctx, ['TimeoutError']),
    '',
    '// Milliseconds per attempt, for every call of this client.',
    clientWith(ctx, [['timeout', { kind: 'number', text: '10_000' }]]),
    '',
    'const controller = new AbortController();',
    block(
      'try',
      [constStatement('result', awaited(callExpr(ref.tag, ref.op, ctx, ref.op.methodName, options))), 'console.log(result);'],
      ['catch (error)', ["if (error instanceof TimeoutError) console.error('Timed out:', error.message);", 'else throw error;']],
    ),
  ]);
}

export function pagination(ctx: SnippetContext, ref: OperationRef): string {
  return printProgram([
    clientImport(ctx),
    '',
    ...clientLines(ctx),
    '',
    '// One page at a time:',
    constStatement('page', awaited(callExpr(ref.tag, ref.op, ctx))),
    'console.log(page);',
    '',
    '// Or every item of every page, fetched as you iterate:',
    forAwait('item', callExpr(ref.tag, ref.op, ctx, iteratorOf(ctx.names, ref.op)), ['console.log(item);']),
  ]);
}

/** `methodOverride: true`, and a call that is then sent as POST with the override parameter. */
export function methodOverride(ctx: SnippetContext, ref: OperationRef | undefined): string {
  const call = ref ? callLines(ctx, ref.tag, ref.op, 0) : [];
  return printProgram([clientImport(ctx), '', ...clientLines(ctx, object([['methodOverride', id('true')]])), ...(call.length ? ['', ...call] : [])]);
}

/** An asynchronous call: the callback URL added to the example params (query) or body. */
export function asyncCall(ctx: SnippetContext, ref: OperationRef): string {
  const url = ref.op.async!.urlParam;
  const callback = 'https://example.com/callback';
  const inQuery = ref.op.params.query.some((p) => p.name === url);
  const extra: Record<string, unknown> = inQuery
    ? { [url]: callback }
    : { body: { ...(exampleParams(ref.op, ctx)?.body as object | undefined), [url]: callback } };
  return printProgram([
    clientImport(ctx),
    '',
    ...clientLines(ctx),
    '',
    '// Answers at once with an acknowledgement; the real response is POSTed to the callback URL.',
    constStatement('ack', awaited(callExpr(ref.tag, ref.op, ctx, ref.op.methodName, undefined, extra))),
    'console.log(ack);',
  ]);
}

/** The first operation whose async callback URL is a query parameter or a body property. */
export function asyncShowcase(ctx: SnippetContext): OperationRef | undefined {
  const refs = allOperations(ctx).filter((r) => r.op.async);
  const inQuery = refs.find((r) => r.op.params.query.some((p) => p.name === r.op.async!.urlParam));
  return inQuery ?? refs.find((r) => r.op.body);
}

export function rateLimit(ctx: SnippetContext, ref: OperationRef): string {
  return printProgram([clientImport(ctx), '', ...clientLines(ctx, object([['rateLimit', id('true')]])), '', ...callLines(ctx, ref.tag, ref.op, 0)]);
}

/** MSW handlers for tests. */
export function mswMocks(ctx: SnippetContext, ref: OperationRef): string {
  return printProgram([
    importNames(['setupServer'], 'msw/node'),
    importLine(ctx, ['handlers'], '/mocks'),
    clientImport(ctx),
    '',
    'const server = setupServer(...handlers);',
    'server.listen();',
    '',
    constStatement('client', newClient(ctx, mockCredentials(ctx))),
    ...callLines(ctx, ref.tag, ref.op, 0),
    '',
    'server.close();',
  ]);
}

/** The standalone mock server, started from code. */
export function mockServer(ctx: SnippetContext, ref: OperationRef): string {
  return printProgram([
    importLine(ctx, ['startMockServer'], '/mocks'),
    clientImport(ctx),
    '',
    '// Port 0 picks a free port (the command line uses 4010); mock.baseUrl includes the API base path.',
    'const mock = await startMockServer({ port: 0 });',
    constStatement('client', newClient(ctx, mockCredentials(ctx, member('mock.baseUrl')))),
    ...callLines(ctx, ref.tag, ref.op, 0),
    '',
    'await mock.close();',
  ]);
}

/** Client options the mocks accept: any well-formed credentials. */
function mockCredentials(ctx: SnippetContext, baseUrl?: Expr): Expr | undefined {
  const entries = sampleSettings(ctx.model, ctx).map((s): [string, Expr] => [s.option, str(s.value)]);
  if (baseUrl) entries.push(['baseUrl', baseUrl]);
  return entries.length ? object(entries) : undefined;
}
