/**
 * The TypeScript examples of the reference pages. They are built here, not in
 * Handlebars (templates only ever write Markdown): every spec string reaches
 * the code as a string literal or object key (`code-layout.ts`) or through
 * `lineComment`, and every name printed bare is a safe identifier from the
 * model. The code is printed in prettier's layout; the docs test type-checks
 * each example against the generated package.
 */
import type { ApiModel, OperationNode, TagNode } from '../../model/types.js';
import type { ClientNames } from '../client/client-names.js';
import { importDeclaration, safeQuote } from '../layout.js';
import { callExpr, envVars, iteratorOf, lineComment, resultKind, type ExampleSource } from './calls.js';
import {
  awaited,
  block,
  call,
  constLine,
  constStatement,
  expressionStatement,
  forAwait,
  object,
  printProgram,
  str,
  type Expr,
  type Statement,
} from './code-layout.js';

/** What every snippet of one API needs. */
export interface SnippetContext extends ExampleSource {
  model: ApiModel;
  /** The client's exported names (class, params types, iterators). */
  names: ClientNames;
}

/** `import { PlivoClient, ApiError } from '@switchboard/plivo';` */
export function importLine(ctx: SnippetContext, names: string[], entry = ''): Statement {
  return importNames(names, `${ctx.model.packageName}${entry}`);
}

/** An import list as prettier prints it: a single name never breaks (module.js `canBreak`), more may. */
export function importNames(names: string[], from: string): Statement {
  return names.length === 1 ? `import { ${names[0]} } from ${safeQuote(from)};` : importDeclaration(names, from);
}

/** The comment that names the environment variables the client reads. */
export function envComment(ctx: SnippetContext): Statement[] {
  const vars = envVars(ctx.model);
  if (vars.length === 0) return [];
  const names = vars.map((v) => lineComment(v.env));
  const options = vars.map((v) => lineComment(v.option));
  return [
    `// Credentials are read from the environment: ${names.join(', ')}.`,
    `// (Or pass them to the constructor: { ${options.join(', ')} }.)`,
  ];
}

/** `new PlivoClient(options)`. */
export function newClient(ctx: SnippetContext, options?: Expr): Expr {
  return { kind: 'new', callee: ctx.names.className, args: options ? [options] : [] };
}

/** `const client = new PlivoClient();` preceded by the environment comment. */
export function clientLines(ctx: SnippetContext, options?: Expr): Statement[] {
  // Without a server in the spec, the client has no default base URL: the example names one.
  const args = options ?? (ctx.model.servers.length === 0 ? object([['baseUrl', str('https://api.example.com')]]) : undefined);
  return [...envComment(ctx), constStatement('client', newClient(ctx, args))];
}

/** `console.log(…)` */
function log(...args: Expr[]): Statement {
  return expressionStatement(call('console.log', args));
}

/** The statements that call an operation and print what it resolves to; `column` is where they start. */
export function callLines(ctx: SnippetContext, tag: TagNode, op: OperationNode, column: number): Statement[] {
  const result = awaited(callExpr(tag, op, ctx));
  switch (resultKind(op)) {
    case 'void':
      return [expressionStatement(result), log(str(`${op.methodName}: done`))];
    case 'binary':
      return [constStatement(['data', 'contentType'], result), 'console.log(contentType, data.byteLength);'];
    default:
      return [constLine('result', result, column), 'console.log(result);'];
  }
}

/** `try { … } catch (error) { if (error instanceof ApiError) … else throw error; }` */
export function tryCatch(body: Statement[], handlers: Statement[] = defaultHandler()): Statement {
  return block('try', body, ['catch (error)', handlers]);
}

function defaultHandler(): Statement[] {
  return [
    'if (error instanceof ApiError) {',
    '  // The API answered with an error status: see the HTTP response details.',
    '  console.error(`HTTP ${error.status}: ${error.message}`);',
    '} else {',
    '  throw error;',
    '}',
  ];
}

/**
 * The set-up every example of a tag page starts from, shown once near the top
 * of the page: the import and the client. The same text for every page of an
 * API, so it is printed once.
 */
const setups = new WeakMap<SnippetContext, string>();

export function pageSetup(ctx: SnippetContext): string {
  let setup = setups.get(ctx);
  if (setup === undefined) setups.set(ctx, (setup = printProgram([importLine(ctx, [ctx.names.className]), '', ...clientLines(ctx)])));
  return setup;
}

/**
 * The Example of one operation on its tag page: only the call and what it
 * resolves to. It continues the page's set-up (`client` comes from there);
 * the docs tests type-check and run each example after that set-up.
 */
export function operationExample(ctx: SnippetContext, tag: TagNode, op: OperationNode): string {
  const body = callLines(ctx, tag, op, 0);
  const iterator = iteratorOf(ctx.names, op);
  if (iterator) {
    body.push('', '// Or let the client fetch every page:');
    body.push(forAwait('item', callExpr(tag, op, ctx, iterator), ['console.log(item);']));
  }
  return printProgram(body);
}
