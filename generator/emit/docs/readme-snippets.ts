/**
 * The TypeScript examples of a package README: quick start, authentication,
 * errors, retries, timeouts, pagination, the seed-specific features (method
 * override, async callbacks, rate limit) and the mocks. Each is driven by the
 * model (which operations exist, which extensions are declared), never by the
 * API's name, and each is type-checked by the docs test.
 */
import { stringLiteral } from '../../model/names.js';
import type { OperationNode, TagNode } from '../../model/types.js';
import { callText, envVars, exampleParams, iteratorOf, resultKind, sampleSettings } from './calls.js';
import { callLines, clientLines, importLine, indent, lines, optionsText, tryCatch, type SnippetContext } from './snippets.js';

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

function clientImport(ctx: SnippetContext, extra: string[] = []): string {
  return importLine(ctx, [ctx.names.className, ...extra]);
}

export function quickStart(ctx: SnippetContext, ref: OperationRef): string {
  return lines([clientImport(ctx, ['ApiError']), '', ...clientLines(ctx), '', ...tryCatch(callLines(ctx, ref.tag, ref.op))]);
}

/** Credentials passed in code, each read from its environment variable. */
export function authInCode(ctx: SnippetContext): string {
  const entries = envVars(ctx.model).map((v): [string, string] => [v.option, `process.env[${stringLiteral(v.env)}]`]);
  return lines([clientImport(ctx), '', `const client = new ${ctx.names.className}(${optionsText(entries)});`, 'console.log(client);']);
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
    '  // Every HTTP error: status, headers, parsed body, and the API\'s request id and error code.',
    '  console.error(error.status, error.message, error.requestId, error.code, error.body);',
    '} else if (error instanceof ConnectionError || error instanceof TimeoutError) {',
    "  console.error('No response:', error.message);",
    '} else {',
    '  throw error;',
    '}',
  ];
  return lines([clientImport(ctx, names), '', ...clientLines(ctx), '', ...tryCatch(callLines(ctx, ref.tag, ref.op), handlers)]);
}

export function retries(ctx: SnippetContext, ref: OperationRef): string {
  return lines([
    clientImport(ctx),
    '',
    '// Retry up to 3 times; 0 turns retries off.',
    `const client = new ${ctx.names.className}({ maxRetries: 3 });`,
    '',
    '// Per call:',
    `const result = await ${callText(ref.tag, ref.op, ctx, ref.op.methodName, '{ maxRetries: 0 }')};`,
    'console.log(result);',
  ]);
}

export function timeouts(ctx: SnippetContext, ref: OperationRef): string {
  return lines([
    clientImport(ctx, ['TimeoutError']),
    '',
    '// Milliseconds per attempt, for every call of this client.',
    `const client = new ${ctx.names.className}({ timeout: 10_000 });`,
    '',
    'const controller = new AbortController();',
    'try {',
    ...indent([`const result = await ${callText(ref.tag, ref.op, ctx, ref.op.methodName, '{ timeout: 5_000, signal: controller.signal }')};`, 'console.log(result);']),
    '} catch (error) {',
    "  if (error instanceof TimeoutError) console.error('Timed out:', error.message);",
    '  else throw error;',
    '}',
  ]);
}

export function pagination(ctx: SnippetContext, ref: OperationRef): string {
  const iterator = callText(ref.tag, ref.op, ctx, iteratorOf(ctx.names, ref.op));
  return lines([
    clientImport(ctx),
    '',
    ...clientLines(ctx),
    '',
    '// One page at a time:',
    `const page = await ${callText(ref.tag, ref.op, ctx)};`,
    'console.log(page);',
    '',
    '// Or every item of every page, fetched as you iterate:',
    `for await (const item of ${iterator}) {`,
    '  console.log(item);',
    '}',
  ]);
}

/** `methodOverride: true`, and a call that is then sent as POST with the override parameter. */
export function methodOverride(ctx: SnippetContext, ref: OperationRef | undefined): string {
  const call = ref ? callLines(ctx, ref.tag, ref.op) : [];
  return lines([clientImport(ctx), '', ...clientLines(ctx, '{ methodOverride: true }'), ...(call.length ? ['', ...call] : [])]);
}

/** An asynchronous call: the callback URL added to the example params (query) or body. */
export function asyncCall(ctx: SnippetContext, ref: OperationRef): string {
  const url = ref.op.async!.urlParam;
  const callback = 'https://example.com/callback';
  const inQuery = ref.op.params.query.some((p) => p.name === url);
  const extra: Record<string, unknown> = inQuery
    ? { [url]: callback }
    : { body: { ...(exampleParams(ref.op, ctx)?.body as object | undefined), [url]: callback } };
  return lines([
    clientImport(ctx),
    '',
    ...clientLines(ctx),
    '',
    '// Answers at once with an acknowledgement; the real response is POSTed to the callback URL.',
    `const ack = await ${callText(ref.tag, ref.op, ctx, ref.op.methodName, '', extra)};`,
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
  return lines([clientImport(ctx), '', ...clientLines(ctx, '{ rateLimit: true }'), '', ...callLines(ctx, ref.tag, ref.op)]);
}

/** MSW handlers for tests. */
export function mswMocks(ctx: SnippetContext, ref: OperationRef): string {
  return lines([
    "import { setupServer } from 'msw/node';",
    importLine(ctx, ['handlers'], '/mocks'),
    clientImport(ctx),
    '',
    'const server = setupServer(...handlers);',
    'server.listen();',
    '',
    `const client = new ${ctx.names.className}(${mockCredentials(ctx)});`,
    ...callLines(ctx, ref.tag, ref.op),
    '',
    'server.close();',
  ]);
}

/** The standalone mock server, started from code. */
export function mockServer(ctx: SnippetContext, ref: OperationRef): string {
  return lines([
    importLine(ctx, ['startMockServer'], '/mocks'),
    clientImport(ctx),
    '',
    '// Port 0 picks a free port (the command line uses 4010); mock.baseUrl includes the API base path.',
    'const mock = await startMockServer({ port: 0 });',
    `const client = new ${ctx.names.className}(${mockCredentials(ctx, 'mock.baseUrl')});`,
    ...callLines(ctx, ref.tag, ref.op),
    '',
    'await mock.close();',
  ]);
}

function mockCredentials(ctx: SnippetContext, baseUrl?: string): string {
  // The mocks accept any well-formed credentials.
  const entries = sampleSettings(ctx.model, ctx).map((s): [string, string] => [s.option, stringLiteral(s.value)]);
  if (baseUrl) entries.push(['baseUrl', baseUrl]);
  return optionsText(entries);
}
