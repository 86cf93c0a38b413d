/**
 * The mocks examples of a package README: MSW handlers, `override()` with a
 * typed reply, fault injection (`failNext`, `setFaults`, `Prefer`) and
 * `reset()`, a mock of its own (`createMock`, `createMockHandlers`) and the
 * standalone server. Like the client examples they are driven by the model,
 * type-checked and run against the mocks by the docs tests.
 */
import type { MediaNode, OperationNode } from '../../model/types.js';
import { clientSettings } from '../client/client-names.js';
import { sampleSettings } from './calls.js';
import { block, call, constLine, constStatement, expressionStatement, member, num, object, printProgram, str, type Expr, type Statement } from './code-layout.js';
import { exampleFor, valueExpr } from './examples.js';
import { callWith, type OperationRef } from './readme-snippets.js';
import { callLines, importLine, importNames, newClient, tryCatch, type SnippetContext } from './snippets.js';

function clientImport(ctx: SnippetContext, extra: string[] = []): Statement {
  return importLine(ctx, [ctx.names.className, ...extra]);
}

/** `setupServer(...handlers)` and `server.listen()`, as a test sets them up. */
const SERVER = ['const server = setupServer(...handlers);', 'server.listen();'];

/** MSW handlers for tests. */
export function mswMocks(ctx: SnippetContext, ref: OperationRef): string {
  return printProgram([
    importNames(['setupServer'], 'msw/node'),
    importLine(ctx, ['handlers'], '/mocks'),
    clientImport(ctx),
    '',
    ...SERVER,
    '',
    constStatement('client', newClient(ctx, mockCredentials(ctx))),
    ...callLines(ctx, ref.tag, ref.op, 0),
    '',
    'server.close();',
  ]);
}

/** `catch (error)` handlers that print the status an injected or overridden failure answered with. */
const PRINT_STATUS = ["if (error instanceof ApiError) console.log('Answered', error.status, error.message);", 'else throw error;'];

/** `server.use(override(operationId, resolver))` with a reply typed by the operation's statuses. */
export function overrideMock(ctx: SnippetContext, ref: OperationRef): string {
  const reply = typedReply(ctx, ref.op);
  return printProgram([
    importNames(['setupServer'], 'msw/node'),
    importLine(ctx, ['handlers', 'override', 'type MockReply', 'type MockResponses'], '/mocks'),
    clientImport(ctx, ['ApiError']),
    '',
    ...SERVER,
    constStatement('client', newClient(ctx, mockCredentials(ctx, ['maxRetries', num(0)]))),
    '',
    '// For this test only, the operation answers with this reply (after the usual request checks).',
    '// Its type allows only the statuses and bodies the operation declares.',
    constLine('operationId', str(ref.op.operationId), 0),
    ...(reply
      ? [constStatement('reply: MockReply<MockResponses[typeof operationId]>', reply), 'server.use(override(operationId, () => reply));']
      : ['server.use(override(operationId, () => new Response(null, { status: 503 })));']),
    '',
    tryCatch(callLines(ctx, ref.tag, ref.op, 2), PRINT_STATUS),
    '',
    '// Back to the generated handlers.',
    'server.resetHandlers();',
    'server.close();',
  ]);
}

/**
 * `{ status, body }`: the operation's first error status with a JSON body,
 * else its first success, with the spec's example body (or one derived from
 * the schema); undefined when it declares no numeric status.
 */
function typedReply(ctx: SnippetContext, op: OperationNode): Expr | undefined {
  const numeric = op.responses.filter((r) => /^\d{3}$/.test(r.status));
  const json = (r: (typeof numeric)[number]): MediaNode | undefined => r.contents.find((m) => /[/+]json\b/.test(m.mediaType));
  const chosen = numeric.find((r) => Number(r.status) >= 400 && json(r)) ?? numeric.find((r) => json(r)) ?? numeric[0];
  if (!chosen) return undefined;
  const media = json(chosen);
  const entries: [string, Expr][] = [['status', num(Number(chosen.status))]];
  if (media) entries.push(['body', valueExpr(exampleFor(media.schema, ctx.resolve, [media.example, ...media.examples.map((e) => e.value)]))]);
  return object(entries, true);
}

/** Faults: the next N requests fail, a status asked for in `Prefer`, faults until changed; and `reset()`. */
export function faultMocks(ctx: SnippetContext, ref: OperationRef): string {
  const attempt = tryCatch(callWith(ctx, ref, 4, member('options')), PRINT_STATUS);
  return printProgram([
    importNames(['setupServer'], 'msw/node'),
    importLine(ctx, ['handlers', 'mock'], '/mocks'),
    clientImport(ctx, ['ApiError']),
    '',
    ...SERVER,
    constStatement('client', newClient(ctx, mockCredentials(ctx, ['maxRetries', num(0)]))),
    '',
    '// The next request answers 500.',
    'mock.failNext(1);',
    '// A status asked for in the request, as with Prism: `Prefer: code=429` (also delay=ms, example=name,',
    '// dynamic=true, retry-after=s).',
    constStatement('prefer', object([['headers', object([['prefer', str('code=429, retry-after=1')]])]])),
    '// Faults that last until changed: latencyMs, status, rateLimitEvery (a 429 every N requests), failNext.',
    expressionStatement(call('mock.setFaults', [object([['latencyMs', num(20)]])])),
    '',
    '// 500, then 429, then the usual answer, 20 ms late:',
    block('for (const options of [{}, prefer, {}])', [attempt]),
    '',
    '// Between tests: empty the store, drop overrides, and restore the faults and seed the mock began with.',
    'mock.reset();',
    'server.close();',
  ]);
}

/** A mock of its own: `createMock` answering the client's `fetch` (no network, no msw), and `createMockHandlers`. */
export function ownMock(ctx: SnippetContext, ref: OperationRef): string {
  const credentials = basicCredentials(ctx);
  const options: [string, Expr][] = [['seed', num(42)]];
  if (credentials) options.push(['credentials', credentials]);
  return printProgram([
    importLine(ctx, ['createMock', 'createMockHandlers'], '/mocks'),
    clientImport(ctx),
    '',
    '// Framework-free: `handle(request)` answers a fetch Request. As the client\'s `fetch`, it needs',
    '// neither the network nor msw. Options: seed, stateless, credentials (required exactly), faults, log.',
    constStatement('own', call('createMock', [object(options)])),
    'const viaMock = (url: string, init: RequestInit) => own.handle(new Request(url, init));',
    constStatement('client', newClient(ctx, mockCredentials(ctx, ['fetch', member('viaMock')]))),
    ...callLines(ctx, ref.tag, ref.op, 0),
    '',
    '// MSW handlers bound to a mock of their own, e.g. a stateless one that answers from examples only:',
    '// setupServer(...handlers) as above.',
    constStatement(['mock', 'handlers'], call('createMockHandlers', [object([['stateless', { kind: 'keyword', text: 'true' }]])])),
    'console.log(handlers.length, mock.routes.length);',
  ]);
}

/** The standalone mock server, started from code. */
export function mockServer(ctx: SnippetContext, ref: OperationRef): string {
  return printProgram([
    importLine(ctx, ['startMockServer'], '/mocks'),
    clientImport(ctx),
    '',
    '// Port 0 picks a free port (the command line uses 4010); server.baseUrl includes the API base path.',
    'const server = await startMockServer({ port: 0 });',
    constStatement('client', newClient(ctx, mockCredentials(ctx, ['baseUrl', member('server.baseUrl')]))),
    ...callLines(ctx, ref.tag, ref.op, 0),
    '',
    '// server.mock has the same controls as `mock`: override, setFaults, failNext, reset.',
    'server.mock.reset();',
    'await server.close();',
  ]);
}

/** Client options the mocks accept: any well-formed credentials (and `extra`). */
export function mockCredentials(ctx: SnippetContext, ...extra: [string, Expr][]): Expr | undefined {
  const entries = sampleSettings(ctx.model, ctx).map((s): [string, Expr] => [s.option, str(s.value)]);
  entries.push(...extra);
  return entries.length ? object(entries) : undefined;
}

/** `{ username, password }` of the sample Basic credentials, when the API uses Basic auth. */
function basicCredentials(ctx: SnippetContext): Expr | undefined {
  const { basic } = clientSettings(ctx.model);
  if (!basic) return undefined;
  const samples = new Map(sampleSettings(ctx.model, ctx).map((s) => [s.option, s.value]));
  return object([
    ['username', str(samples.get(basic[0]) ?? '')],
    ['password', str(samples.get(basic[1]) ?? '')],
  ]);
}
