/**
 * The client examples of a package README: quick start, authentication,
 * options, errors, retries, timeouts and cancelling, responses, downloads,
 * pagination, logging and the seed-specific features (method override, async
 * callbacks, rate limit); the mocks' are in `readme-mocks.ts`. Each is driven
 * by the model (which operations exist, which extensions are declared), never
 * by the API's name, and each is type-checked and run by the docs tests.
 */
import type { OperationNode, TagNode } from '../../model/types.js';
import { callExpr, envVars, exampleParams, iteratorOf, resultKind } from './calls.js';
import { awaited, block, call, constLine, constStatement, expressionStatement, forAwait, id, member, num, object, printProgram, str, type Expr, type Statement } from './code-layout.js';
import { callLines, clientLines, envComment, importLine, newClient, tryCatch, type SnippetContext } from './snippets.js';

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

/** Credentials passed in code, each read from its environment variable, and a call made with them. */
export function authInCode(ctx: SnippetContext, ref: OperationRef): string {
  const entries = envVars(ctx.model).map((v): [string, Expr] => [v.option, member('process.env', v.env)]);
  return printProgram([
    clientImport(ctx),
    '',
    constStatement('client', newClient(ctx, entries.length ? object(entries) : undefined)),
    ...callWith(ctx, ref, 0),
  ]);
}

/** A client, and a copy of it with other options (`withOptions`). */
export function clientOptions(ctx: SnippetContext, ref: OperationRef): string {
  const base: [string, Expr][] = [['timeout', { kind: 'number', text: '20_000' }]];
  if (ctx.model.servers.length === 0) base.unshift(['baseUrl', str('https://api.example.com')]);
  const changed = object([
    ['timeout', { kind: 'number', text: '120_000' }],
    ['maxRetries', num(5)],
    ['headers', object([['x-team', str('reports')]])],
  ]);
  return printProgram([
    clientImport(ctx),
    '',
    ...envComment(ctx),
    constStatement('defaults', newClient(ctx, object(base))),
    '// The same client with some options changed (it has a rate limiter of its own); `defaults` is unchanged.',
    constStatement('client', call('defaults.withOptions', [changed])),
    ...callWith(ctx, ref, 0),
  ]);
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
    clientImport(ctx, ['AbortError', 'TimeoutError']),
    '',
    '// Milliseconds per attempt, for every call of this client.',
    clientWith(ctx, [['timeout', { kind: 'number', text: '10_000' }]]),
    '',
    '// `controller.abort()` (say, when the user navigates away) cancels the call.',
    'const controller = new AbortController();',
    tryCatch(callWith(ctx, ref, 2, options), [
      'if (error instanceof AbortError) {',
      '  // error.cause is the reason given to abort().',
      "  console.log('Cancelled:', error.cause);",
      '} else if (error instanceof TimeoutError) {',
      "  console.error('Timed out:', error.message);",
      '} else {',
      '  throw error;',
      '}',
    ]),
  ]);
}

/** `withResponse()` (status, headers, request id, Response) and `asResponse()` (the Response, body unread). */
export function responses(ctx: SnippetContext, ref: OperationRef): string {
  const fields = resultKind(ref.op) === 'void' ? ['status', 'headers', 'requestId'] : ['data', 'status', 'headers', 'requestId'];
  return printProgram([
    clientImport(ctx),
    '',
    ...clientLines(ctx),
    '',
    '// The body with the status, headers, the request id the API sent, and the Response:',
    constStatement('promise', callExpr(ref.tag, ref.op, ctx)),
    constStatement(fields, awaited(call('promise.withResponse'))),
    `console.log(${fields.join(', ')});`,
    '',
    '// Or the Response itself, its body unread (ask at once, before the response arrives):',
    constStatement('again', callExpr(ref.tag, ref.op, ctx)),
    'const response = await again.asResponse();',
    "console.log(response.status, response.headers.get('content-type'));",
  ]);
}

/** A download in the media type asked for, and one streamed through `asResponse()`. */
export function download(ctx: SnippetContext, ref: OperationRef, mediaType: string): string {
  return printProgram([
    clientImport(ctx),
    '',
    ...clientLines(ctx),
    '',
    constStatement(['data', 'contentType'], awaited(callExpr(ref.tag, ref.op, ctx, ref.op.methodName, object([['accept', str(mediaType)]])))),
    'console.log(contentType, data.byteLength);',
    '',
    '// A large file as a stream instead of bytes in memory (in Node: Readable.fromWeb(response.body)):',
    constStatement('pending', callExpr(ref.tag, ref.op, ctx)),
    'const response = await pending.asResponse();',
    "console.log(response.headers.get('content-type'), response.body);",
  ]);
}

/** `logLevel` and `logger`. */
export function logging(ctx: SnippetContext, ref: OperationRef): string {
  return printProgram([
    clientImport(ctx),
    '',
    ...envComment(ctx),
    "// 'info': a line per attempt (method, URL, status, time, request id), retry and wait; 'debug' adds",
    "// each request's headers, credentials hidden. Any logger with error, warn, info and debug will do.",
    clientWith(ctx, [...baseUrlOption(ctx), ['logLevel', str('info')], ['logger', member('console')]]),
    ...callWith(ctx, ref, 0),
  ]);
}

/** `baseUrl` for a spec without servers (the client then has no default). */
function baseUrlOption(ctx: SnippetContext): [string, Expr][] {
  return ctx.model.servers.length === 0 ? [['baseUrl', str('https://api.example.com')]] : [];
}

/**
 * The statements that call an operation (with `options`, when given) and
 * print what it resolves to, as the docs' `callLines` does; `column` is where
 * they start.
 */
export function callWith(ctx: SnippetContext, ref: OperationRef, column: number, options?: Expr): Statement[] {
  const result = awaited(callExpr(ref.tag, ref.op, ctx, ref.op.methodName, options));
  switch (resultKind(ref.op)) {
    case 'void':
      return [expressionStatement(result), expressionStatement(call('console.log', [str(`${ref.op.methodName}: done`)]))];
    case 'binary':
      return [constStatement(['data', 'contentType'], result), 'console.log(contentType, data.byteLength);'];
    default:
      return [constLine('result', result, column), 'console.log(result);'];
  }
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
    '',
    '// Or whole pages, as the API returns them:',
    constStatement('paginator', callExpr(ref.tag, ref.op, ctx, iteratorOf(ctx.names, ref.op))),
    forAwait('page', call('paginator.pages'), ['console.log(page);']),
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
