/**
 * The TypeScript of the docs' examples, laid out the way prettier prints it.
 *
 * The examples are made of a few constructs only: imports, `const x = …`,
 * calls on the client (`client.calls.getCall({ … })`), `new`, object and
 * array literals of example values, `await`, `for await`, `try`/`catch`
 * and line comments. Each is built here as a small expression tree, turned
 * into the prettier document prettier's estree printer builds for the same
 * node (src/language-js/print: call-arguments.js, object.js, array.js,
 * assignment.js, member.js, member-chain.js) and printed with prettier's own
 * line fitting (`printDoc`). So the example is already in its final layout
 * and the Markdown file holding it can skip prettier.
 *
 * What the layout depends on besides the text: an object literal written
 * over several lines in the source stays expanded (prettier's
 * `objectWrap: "preserve"`), so example values are `expanded` and option
 * objects (`{ maxRetries: 0 }`) are not.
 */
import {
  breakParent,
  conditionalGroup,
  fill,
  group,
  hardline,
  ifBreak,
  indent,
  indentIfBreak,
  isIdentifierName,
  join,
  line,
  lineSuffixBoundary,
  mayBeUnquoted,
  PRINT_WIDTH,
  printDoc,
  safeQuote,
  softline,
  type Doc,
} from '../layout.js';
import { stringWidth } from './text-width.js';

/** An expression of an example. */
export type Expr =
  | { kind: 'string'; value: string }
  /** A numeric literal as written (`5_000`); `negative` prints a unary minus before it. */
  | { kind: 'number'; text: string; negative?: boolean }
  | { kind: 'keyword'; text: 'true' | 'false' | 'null' | 'undefined' }
  /** `a.b.c`, or `a.b['c']` with `computed`: a chain of safe identifiers. */
  | { kind: 'member'; path: string[]; computed?: string }
  | { kind: 'object'; entries: [string, Expr][]; expanded: boolean }
  | { kind: 'array'; items: Expr[] }
  /** `new Name(args)`. */
  | { kind: 'new'; callee: string; args: Expr[] }
  /** `a.b.c(args)`: a method called on a chain of safe identifiers. */
  | { kind: 'call'; callee: string[]; args: Expr[] }
  | { kind: 'await'; argument: Expr };

export const str = (value: string): Expr => ({ kind: 'string', value });
export const id = (name: 'true' | 'false' | 'null' | 'undefined'): Expr => ({ kind: 'keyword', text: name });
/** `a.b`, or `a.b['key']` with `computed`. */
export const member = (text: string, computed?: string): Expr => ({ kind: 'member', path: text.split('.'), computed });
export const call = (callee: string, args: Expr[] = []): Expr => ({ kind: 'call', callee: callee.split('.'), args });
export const awaited = (argument: Expr): Expr => ({ kind: 'await', argument });

/** A number as prettier prints a numeric literal (`1e21`, not `1e+21`); NaN and infinities, which JSON cannot hold, as 0. */
export function num(value: number): Expr {
  if (!Number.isFinite(value)) return { kind: 'number', text: '0' };
  const negative = value < 0 || Object.is(value, -0);
  return { kind: 'number', text: String(Math.abs(value)).replace('e+', 'e'), negative };
}

/** An object literal; `expanded` keeps it on several lines whatever its length, as prettier keeps one written that way. */
export function object(entries: [string, Expr][], expanded = false): Expr {
  return { kind: 'object', entries, expanded };
}

// ---------------------------------------------------------------------------
// Expressions → documents

/**
 * An object key: bare when it is an ASCII identifier, computed for
 * `__proto__` (a plain one would set the prototype), quoted otherwise. A
 * quoted key prettier would unquote (a non-ASCII identifier name, which it
 * checks against ES5's Unicode tables) is written computed, which prettier
 * keeps as it is.
 */
function keyDoc(key: string): string {
  if (key === '__proto__') return `[${safeQuote(key)}]`;
  if (isIdentifierName(key)) return key;
  // Written computed where prettier might unquote it, so the printed key is the one prettier keeps.
  return mayBeUnquoted(key) ? `[${safeQuote(key)}]` : safeQuote(key);
}

export function exprDoc(e: Expr): Doc {
  switch (e.kind) {
    case 'string':
      return safeQuote(e.value);
    case 'number':
      return e.negative ? `-${e.text}` : e.text;
    case 'keyword':
      return e.text;
    case 'member': {
      // member.js: a `.name` lookup may move to the next line, unless it is the only one, on a bare identifier.
      const [head, ...names] = e.path;
      const lookups: Doc[] = names.map((p) => (names.length === 1 && e.computed === undefined ? `.${p}` : group(indent([softline, `.${p}`]))));
      return [head, ...lookups, e.computed === undefined ? '' : `[${safeQuote(e.computed)}]`];
    }
    case 'object':
      return objectDoc(e);
    case 'array':
      return arrayDoc(e.items);
    case 'new':
      return ['new ', e.callee, argumentsDoc(e.args)];
    case 'call':
      // member-chain.js: a chain of at most two call groups is printed on one line.
      return group([e.callee.join('.'), argumentsDoc(e.args)]);
    case 'await':
      return ['await ', exprDoc(e.argument)];
  }
}

function objectDoc(e: Extract<Expr, { kind: 'object' }>): Doc {
  if (e.entries.length === 0) return '{}';
  const props = e.entries.map(([key, value]) => group(assignment(keyDoc(key), ':', value, true)));
  return group(['{', indent([line, join([',', line], props)]), ifBreak(','), line, '}'], { shouldBreak: e.expanded });
}

function arrayDoc(items: Expr[]): Doc {
  if (items.length === 0) return '[]';
  if (isConciseArray(items)) {
    // array.js: numbers are filled into as few lines as fit.
    const groupId = Symbol('array');
    const parts: Doc[] = [];
    items.forEach((item, i) => {
      const last = i === items.length - 1;
      parts.push([exprDoc(item), last ? ifBreak(',', '', { groupId }) : ',']);
      if (!last) parts.push(line);
    });
    return group(['[', indent([softline, fill(parts)]), softline, ']'], { id: groupId });
  }
  return group(['[', indent([softline, join([',', line], items.map((item) => group(exprDoc(item)))), ifBreak(',')]), softline, ']'], {
    shouldBreak: arrayBreaks(items),
  });
}

/** array.js: two or more objects (or arrays) of more than one entry each always take a line each. */
function arrayBreaks(items: Expr[]): boolean {
  return (
    items.length > 1 &&
    items.every((item, i) => (item.kind === 'object' || item.kind === 'array') && (i === items.length - 1 || items[i + 1].kind === item.kind) && size(item) > 1)
  );
}

function size(e: Expr): number {
  return e.kind === 'object' ? e.entries.length : e.kind === 'array' ? e.items.length : 0;
}

function isConciseArray(items: Expr[]): boolean {
  return items.every((item) => item.kind === 'number');
}

/** call-arguments.js, for arguments without functions or comments. */
function argumentsDoc(args: Expr[]): Doc {
  if (args.length === 0) return '()';
  const printed = args.map((a, i) => (i === args.length - 1 ? exprDoc(a) : [exprDoc(a), ',', line]));
  const allBrokenOut = (): Doc => group(['(', indent([line, ...printed]), ',', line, ')'], { shouldBreak: true });
  const last = args[args.length - 1];
  const penultimate = args[args.length - 2];
  const expandLast =
    couldExpand(last) && (penultimate === undefined || nodeType(penultimate) !== nodeType(last)) && !(args.length > 1 && last.kind === 'array' && isConciseArray(last.items));
  if (expandLast) {
    const head = printed.slice(0, -1);
    if (args.slice(0, -1).some(willBreak)) return allBrokenOut();
    const lastDoc = exprDoc(last);
    if (willBreak(last)) return [breakParent, conditionalGroup([['(', ...head, group(lastDoc, { shouldBreak: true }), ')'], allBrokenOut()])];
    return conditionalGroup([['(', ...head, lastDoc, ')'], ['(', ...head, group(lastDoc, { shouldBreak: true }), ')'], allBrokenOut()]);
  }
  return group(['(', indent([softline, ...printed]), ifBreak(','), softline, ')'], { shouldBreak: args.some(willBreak) });
}

function couldExpand(e: Expr): boolean {
  return (e.kind === 'object' && e.entries.length > 0) || (e.kind === 'array' && e.items.length > 0);
}

/** The estree node type, where call-arguments.js compares two arguments' types. */
function nodeType(e: Expr): string {
  if (e.kind === 'number') return e.negative ? 'UnaryExpression' : 'NumericLiteral';
  if (e.kind === 'keyword') return e.text === 'undefined' ? 'Identifier' : e.text === 'null' ? 'NullLiteral' : 'BooleanLiteral';
  return e.kind;
}

/** Whether the printed expression holds a forced line break (an expanded object): prettier's `willBreak`. */
function willBreak(e: Expr): boolean {
  switch (e.kind) {
    case 'object':
      return e.expanded ? e.entries.length > 0 : e.entries.some(([, v]) => willBreak(v));
    case 'array':
      return e.items.some(willBreak) || arrayBreaks(e.items);
    case 'new':
    case 'call':
      return e.args.some(willBreak);
    case 'await':
      return willBreak(e.argument);
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------
// Assignments (assignment.js `chooseLayout`)

/**
 * `left = right` or `key: value`, in the layout prettier chooses for them.
 * `property` marks an object property (its short keys never break).
 */
function assignment(left: Doc, operator: string, right: Expr, property: boolean): Doc {
  const rightDoc = exprDoc(right);
  // A key narrower than the indentation plus three stays with its value (`isObjectPropertyWithShortKey`).
  const shortKey = property && typeof left === 'string' && stringWidth(left) < 5;
  if (!shortKey && breaksAfterOperator(right)) return group([group(left), operator, group(indent([line, rightDoc]))]);
  const canBreakLeft = typeof left !== 'string';
  const literal = (right.kind === 'keyword' && (right.text === 'true' || right.text === 'false')) || (right.kind === 'number' && !right.negative);
  if (!canBreakLeft && (shortKey || literal)) {
    return group([group(left), operator, ' ', rightDoc]);
  }
  const groupId = Symbol('assignment');
  return group([group(left), operator, group(indent(line), { id: groupId }), lineSuffixBoundary, indentIfBreak(rightDoc, { groupId })]);
}

/** `shouldBreakAfterOperator`: a string, or a member or call chain that cannot break itself. */
function breaksAfterOperator(right: Expr): boolean {
  const inner = right.kind === 'await' ? right.argument : right;
  return inner.kind === 'string' || isPoorlyBreakableChain(inner);
}

function isPoorlyBreakableChain(e: Expr): boolean {
  if (e.kind === 'member') return e.path.length > 1 || e.computed !== undefined;
  if (e.kind !== 'call') return false;
  return e.args.length === 0 || (e.args.length === 1 && isLoneShortArgument(e.args[0]));
}

/** utilities.js `isLoneShortArgument`, for the expressions of an example (threshold: a quarter of the width). */
function isLoneShortArgument(e: Expr): boolean {
  switch (e.kind) {
    case 'number':
      return true;
    case 'keyword':
      return true;
    case 'string':
      return safeQuote(e.value).length <= 25;
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------
// Statements

/** A statement or a line of an example: its document, or text already in its final layout. */
export type Statement = Doc;

/** `const name = value;` (`name` may be a destructuring pattern such as `{ data, contentType }`). */
export function constStatement(name: string | string[], value: Expr): Statement {
  const left: Doc = typeof name === 'string' ? name : ['{', indent([line, join([',', line], name)]), ifBreak(','), line, '}'];
  return group(['const ', assignment(left, ' =', value, false), ';']);
}

/**
 * `const name = value;` starting at `column`: as text when prettier prints it
 * on one line, else its document. A statement group that holds no forced
 * break (`willBreak`) and whose flat text fits the width is printed flat,
 * every group inside it too (printDocToString's `fits` in break mode, the
 * hard line after the statement ending the measure); the text is then what
 * the document prints flat, written without building the document.
 */
export function constLine(name: string, value: Expr, column: number): Statement {
  if (willBreak(value)) return constStatement(name, value);
  const text = `const ${name} = ${flatExpr(value)};`;
  return column + stringWidth(text) <= PRINT_WIDTH ? text : constStatement(name, value);
}

/** An expression without forced breaks as `exprDoc` prints it flat. */
function flatExpr(e: Expr): string {
  switch (e.kind) {
    case 'string':
      return safeQuote(e.value);
    case 'number':
      return e.negative ? `-${e.text}` : e.text;
    case 'keyword':
      return e.text;
    case 'member':
      return `${e.path.join('.')}${e.computed === undefined ? '' : `[${safeQuote(e.computed)}]`}`;
    case 'object':
      return e.entries.length === 0 ? '{}' : `{ ${e.entries.map(([key, value]) => `${keyDoc(key)}: ${flatExpr(value)}`).join(', ')} }`;
    case 'array':
      return `[${e.items.map(flatExpr).join(', ')}]`;
    case 'new':
      return `new ${e.callee}(${e.args.map(flatExpr).join(', ')})`;
    case 'call':
      return `${e.callee.join('.')}(${e.args.map(flatExpr).join(', ')})`;
    case 'await':
      return `await ${flatExpr(e.argument)}`;
  }
}

/** `expression;` */
export function expressionStatement(e: Expr): Statement {
  return [exprDoc(e), ';'];
}

/** `head {` the statements `}`; `tail` continues the statement (`} catch (error) {` …). */
export function block(head: Doc, body: Statement[], ...tail: [Doc, Statement[]][]): Statement {
  const parts: Doc[] = [head, ' {', indent([hardline, statements(body)]), hardline];
  for (const [next, nextBody] of tail) parts.push('} ', next, ' {', indent([hardline, statements(nextBody)]), hardline);
  return group([...parts, '}']);
}

/** `for await (const item of iterable) {` body `}` */
export function forAwait(item: string, iterable: Expr, body: Statement[]): Statement {
  return block(['for await (const ', item, ' of ', exprDoc(iterable), ')'], body);
}

/** Statements one per line; an empty string is a blank line. */
function statements(list: Statement[]): Doc {
  return join(hardline, list);
}

/** The example's text: the statements printed at width 100, ending with a newline. */
export function printProgram(list: Statement[]): string {
  return `${printDoc(statements(list))}\n`;
}
