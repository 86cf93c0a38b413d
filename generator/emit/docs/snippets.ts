/**
 * The TypeScript examples of the reference pages. They are built here, not in
 * Handlebars (templates only ever write Markdown): every spec string reaches
 * the code through `stringLiteral`/`propertyKey` or `lineComment`, and every
 * name printed bare is a safe identifier from the model. The docs test
 * type-checks each one against the generated package.
 */
import { propertyKey, stringLiteral } from '../../model/names.js';
import type { ApiModel, OperationNode, TagNode } from '../../model/types.js';
import type { ClientNames } from '../client/client-names.js';
import { callText, envVars, iteratorOf, lineComment, resultKind, type ExampleSource } from './calls.js';

/** What every snippet of one API needs. */
export interface SnippetContext extends ExampleSource {
  model: ApiModel;
  /** The client's exported names (class, params types, iterators). */
  names: ClientNames;
}

/** `import { PlivoClient, ApiError } from '@switchboard/plivo';` */
export function importLine(ctx: SnippetContext, names: string[], entry = ''): string {
  return `import { ${names.join(', ')} } from ${stringLiteral(`${ctx.model.packageName}${entry}`)};`;
}

/** The comment that names the environment variables the client reads. */
export function envComment(ctx: SnippetContext): string[] {
  const vars = envVars(ctx.model);
  if (vars.length === 0) return [];
  const names = vars.map((v) => lineComment(v.env));
  const options = vars.map((v) => lineComment(v.option));
  return [
    `// Credentials are read from the environment: ${names.join(', ')}.`,
    `// (Or pass them to the constructor: { ${options.join(', ')} }.)`,
  ];
}

/** `const client = new PlivoClient();` preceded by the environment comment. */
export function clientLines(ctx: SnippetContext, options = ''): string[] {
  // Without a server in the spec, the client has no default base URL: the example names one.
  const args = options || (ctx.model.servers.length === 0 ? "{ baseUrl: 'https://api.example.com' }" : '');
  return [...envComment(ctx), `const client = new ${ctx.names.className}(${args});`];
}

/** The statements that call an operation and print what it resolves to. */
export function callLines(ctx: SnippetContext, tag: TagNode, op: OperationNode): string[] {
  const call = callText(tag, op, ctx);
  switch (resultKind(op)) {
    case 'void':
      return [`await ${call};`, `console.log(${stringLiteral(`${op.methodName}: done`)});`];
    case 'binary':
      return [`const { data, contentType } = await ${call};`, 'console.log(contentType, data.byteLength);'];
    default:
      return [`const result = await ${call};`, 'console.log(result);'];
  }
}

/** `try { … } catch (error) { if (error instanceof ApiError) … else throw error; }` */
export function tryCatch(body: string[], handlers: string[] = defaultHandler()): string[] {
  return ['try {', ...indent(body), '} catch (error) {', ...indent(handlers), '}'];
}

function defaultHandler(): string[] {
  return [
    'if (error instanceof ApiError) {',
    '  // The API answered with an error status: see the HTTP response details.',
    '  console.error(`HTTP ${error.status}: ${error.message}`);',
    '} else {',
    '  throw error;',
    '}',
  ];
}

/** The Example of one operation on its tag page. */
export function operationExample(ctx: SnippetContext, tag: TagNode, op: OperationNode): string {
  const body = callLines(ctx, tag, op);
  const iterator = iteratorOf(ctx.names, op);
  if (iterator) {
    body.push('', '// Or let the client fetch every page:');
    body.push(`for await (const item of ${callText(tag, op, ctx, iterator)}) {`, '  console.log(item);', '}');
  }
  return lines([importLine(ctx, [ctx.names.className, 'ApiError']), '', ...clientLines(ctx), '', ...tryCatch(body)]);
}

/** Options object text `{ key: value, … }` with safe keys. */
export function optionsText(entries: [string, string][]): string {
  return entries.length === 0 ? '' : `{ ${entries.map(([k, v]) => `${propertyKey(k)}: ${v}`).join(', ')} }`;
}

export function indent(block: string[], by = '  '): string[] {
  return block.map((l) => (l === '' ? l : `${by}${l}`));
}

export function lines(block: string[]): string {
  return `${block.join('\n')}\n`;
}
