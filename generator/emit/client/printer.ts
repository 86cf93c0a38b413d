/**
 * The client's TypeScript files in prettier's layout. Emitters describe a file
 * as a list of declarations (interfaces, type aliases, constants, a class,
 * imports); this module builds each as a prettier document shaped the
 * way prettier's TypeScript printer shapes the same construct (the comments
 * name prettier's functions) and prints it with prettier's own line fitting
 * (`layout.ts`). The text is then what prettier would print, and the file skips
 * prettier. (ts-morph's structure printer cannot give that text: it indents
 * every continuation line of a type one level deeper than prettier does.)
 *
 * Where this module cannot be sure of prettier's output (a quoted key prettier
 * might unquote, a key whose width in columns it does not measure, a number
 * that is not finite) the file is reported uncertain, and the pipeline runs
 * prettier on it.
 */
import { commentText } from '../../model/names.js';
import {
  align,
  breakParent,
  conditionalGroup,
  docComment,
  exportDeclaration,
  group,
  hardline,
  ifBreak,
  importDeclaration,
  indent,
  indentIfBreak,
  isIdentifierName,
  join,
  line,
  lineSuffixBoundary,
  literalline,
  markAsRoot,
  mayBeUnquoted,
  PRINT_WIDTH,
  printDoc,
  safeQuote,
  softline,
  willBreak,
  type Doc,
} from '../layout.js';
import { GENERATED_HEADER } from '../ts.js';
import type { TsProperty, TsType } from './type-text.js';

/**
 * A statement printed elsewhere (`import`, `export … from`), one kind per
 * group of lines. The declarations (`dist/*.d.ts`) keep it as it is; the
 * JavaScript keeps `js`, the statement without its type-only names, and drops
 * the statement when there is none (`import type`).
 */
export interface TextStatement {
  kind: 'import' | 'export';
  text: string;
  js?: string;
}

/** `import { A, type B } from '…';` (or `import type`), printed like prettier. */
export function importStatement(names: readonly string[], from: string, options: { typeOnly?: boolean } = {}): TextStatement {
  return moduleStatement('import', names, from, options.typeOnly);
}

/** `export { A, type B } from '…';` (or `export type`), printed like prettier. */
export function exportStatement(names: readonly string[], from: string, options: { typeOnly?: boolean } = {}): TextStatement {
  return moduleStatement('export', names, from, options.typeOnly);
}

/** `import * as name from '…';`, the same in every view. */
export function namespaceImport(name: string, from: string): TextStatement {
  const text = `import * as ${name} from ${safeQuote(from)};`;
  return { kind: 'import', text, js: text };
}

function moduleStatement(kind: TextStatement['kind'], names: readonly string[], from: string, typeOnly = false): TextStatement {
  const print = kind === 'import' ? importDeclaration : exportDeclaration;
  const values = typeOnly ? [] : names.filter((name) => !name.startsWith('type '));
  return { kind, text: print(names, from, { typeOnly }), ...(values.length ? { js: print(values, from) } : {}) };
}

export interface InterfaceDeclaration {
  kind: 'interface';
  name: string;
  /** JSDoc text (comment-safe); one line prints as `/** text *\/`. */
  docs?: string;
  extends?: TsType;
  properties: TsProperty[];
  /** After the properties, a blank line before each method (its overloads stay together). */
  methods?: MethodSignature[];
}

/** A method of an interface: its signatures, one per overload, each after its JSDoc. */
export interface MethodSignature {
  name: string;
  signatures: Signature[];
}

export interface TypeAliasDeclaration {
  kind: 'type';
  name: string;
  docs?: string;
  type: TsType;
}

/** `[export] const name[: type] = value;` */
export interface ConstDeclaration {
  kind: 'const';
  name: string;
  docs?: string;
  exported?: boolean;
  type?: TsType;
  value: JsObject | CallExpression;
}

/**
 * `callee<typeArguments>(args)`, after `/* @__PURE__ *\/` when `pure` (a call
 * without side effects, which a bundler may drop when its value is unused).
 * An argument is a value, or a variable (`{ variable: 'ops' }`).
 */
export interface CallExpression {
  kind: 'call';
  pure?: boolean;
  callee: string;
  typeArguments?: TsType[];
  args: (JsValue | { variable: string })[];
}

export interface ClassDeclaration {
  kind: 'class';
  name: string;
  docs?: string;
  extends: TsType;
  /** `readonly name: type = value;` */
  properties: { name: string; docs?: string; type: TsType; value: Call }[];
  /** A constructor that passes its parameters on to `super(…)`. */
  ctor?: { parameters: Parameter[]; superArgs: string[] };
}

export interface Signature {
  docs?: string;
  parameters: Parameter[];
  returnType: TsType;
}

export interface Parameter {
  name: string;
  optional?: boolean;
  type: TsType;
  /** Default value, as written. */
  initializer?: string;
}

/** `callee(arg, …)`, both as written. */
export interface Call {
  callee: string;
  args: string[];
}

/** A JavaScript object literal; `multiline` ones keep one property per line, as prettier keeps them. */
export interface JsObject {
  entries: (readonly [string, JsValue])[];
  multiline?: boolean;
}

export type JsValue = string | number | boolean | readonly string[] | JsObject;

export type Statement = TextStatement | InterfaceDeclaration | TypeAliasDeclaration | ConstDeclaration | ClassDeclaration;

/** A printed file, and whether its layout is certainly prettier's. */
export interface PrintedFile {
  text: string;
  formatted: boolean;
}

/** Collects what could make the layout differ from prettier's. */
interface Check {
  certain: boolean;
}

/**
 * The file: the generated-file header, then the statements. A blank line
 * separates statements, except within a run of imports, of exports or of type
 * aliases.
 */
export function printFile(statements: Statement[]): PrintedFile {
  return printView(statements, 'ts', new Map());
}

/** One module three ways: its TypeScript source (`src/`), and the JavaScript and declarations `dist/` ships. */
export interface PrintedModule {
  ts: PrintedFile;
  js: PrintedFile;
  dts: PrintedFile;
}

/**
 * `ts` is the source; `js` has the types erased (interfaces, type aliases,
 * annotations, type arguments, `import type`), as a type-stripping transpiler
 * leaves it; `dts` is what TypeScript's declaration emit gives for it
 * (`transpileDeclaration`: the source is written to satisfy
 * `isolatedDeclarations`): types as written, exported constants and classes
 * as `declare`d, with their declared types instead of their values, and
 * what is not exported (the `ops` table, `api`) left out. Each view is in
 * prettier's layout; test/client/dist.test.ts compares them with the compiler.
 */
export function printModule(statements: Statement[]): PrintedModule {
  // Interfaces and type aliases read the same in the source and the declarations, and an object
  // literal the same in the source and the JavaScript: each printed once.
  const shared = new Map<object, Printed>();
  return { ts: printView(statements, 'ts', shared), js: printView(statements, 'js', shared), dts: printView(statements, 'dts', shared) };
}

type View = keyof PrintedModule;

interface Printed {
  text: string;
  certain: boolean;
}

function printView(statements: Statement[], view: View, shared: Map<object, Printed>): PrintedFile {
  let certain = true;
  const kept: { kind: Statement['kind']; text: string }[] = [];
  for (const statement of statements) {
    const printed = statementText(statement, view, shared);
    if (!printed) continue;
    certain &&= printed.certain;
    kept.push({ kind: statement.kind, text: printed.text });
  }
  // A module with nothing left to run is still a module (TypeScript writes the same).
  if (kept.length === 0) kept.push({ kind: 'export', text: 'export {};' });
  const parts: string[] = [];
  kept.forEach(({ kind, text }, i) => {
    const previous = kept[i - 1]?.kind;
    if (previous && !(previous === kind && (previous === 'import' || previous === 'export' || previous === 'type'))) parts.push('');
    parts.push(text);
  });
  return { text: `${GENERATED_HEADER}${parts.join('\n')}\n`, formatted: certain };
}

/** The statement as `view` has it, or undefined when the view leaves it out. */
function statementText(statement: Statement, view: View, shared: Map<object, Printed>): Printed | undefined {
  if ('text' in statement) {
    const text = view === 'js' ? statement.js : statement.text;
    return text === undefined ? undefined : { text, certain: true };
  }
  if (statement.kind === 'interface' || statement.kind === 'type') {
    if (view === 'js') return undefined;
    let printed = shared.get(statement);
    if (!printed) shared.set(statement, (printed = printStatement((check) => statementDoc(statement, check))));
    return printed;
  }
  if (statement.kind === 'const') {
    if (view === 'dts') return statement.exported ? printStatement((check) => withDocs(statement.docs, declaredConstDoc(statement, check))) : undefined;
    const node = view === 'js' ? untypedConst(statement) : statement;
    return printObjectConst(node, shared) ?? printStatement((check) => withDocs(node.docs, constDoc(node, check)));
  }
  return printStatement((check) => withDocs(statement.docs, classDoc(statement, check, view)));
}

function printStatement(doc: (check: Check) => Doc): Printed {
  const check: Check = { certain: true };
  const text = printDoc(doc(check));
  return { text, certain: check.certain };
}

/**
 * `const ops: T = { … };` whose value is a `multiline` object, when its head
 * and `{` fit on the first line: then prettier's "fluid" layout keeps `{`
 * there, and the object, always broken, lays out each property on its own
 * line whatever the head. So the object is printed once, for the source and
 * the JavaScript (whose heads differ by the annotation): the `ops` tables are
 * half of a resource file's printing. Undefined otherwise.
 */
function printObjectConst(node: ConstDeclaration, shared: Map<object, Printed>): Printed | undefined {
  const value = node.value;
  if ('kind' in value || !value.multiline || value.entries.length === 0) return undefined;
  const head = printStatement((check) => [node.exported ? 'export ' : '', 'const ', group([node.name, node.type ? [': ', typeDoc(node.type, 'annotation', check)] : '']), ' = {']);
  if (head.text.includes('\n') || head.text.length > PRINT_WIDTH) return undefined;
  let body = shared.get(value);
  if (!body) shared.set(value, (body = printStatement((check) => objectDoc(value, check))));
  const docs = node.docs ? `${printDoc(commentDoc(docComment(node.docs)))}\n` : '';
  return { text: `${docs}${head.text.slice(0, -1)}${body.text};`, certain: head.certain && body.certain };
}

/**
 * `export type name = { … };` with one property per line, each after its
 * JSDoc as an interface's (`/** text *\/` when it is one line): a map the
 * mocks' `responses.ts` writes as a type alias. prettier keeps the object
 * broken, as written. Printed alone (the caller places it after its imports).
 */
export function printDocumentedTypeAlias(name: string, docs: string, properties: TsProperty[]): PrintedFile {
  const check: Check = { certain: true };
  return { text: printDoc(withDocs(docs, ['export type ', name, ' = ', documentedMembers(properties, check), ';'])), formatted: check.certain };
}

function statementDoc(statement: InterfaceDeclaration | TypeAliasDeclaration, check: Check): Doc {
  if (statement.kind === 'interface') return withDocs(statement.docs, interfaceDoc(statement, check));
  return withDocs(statement.docs, ['export ', typeAliasDoc(statement, check), ';']);
}

// ---------------------------------------------------------------------------
// Comments

/** A JSDoc comment on the lines before `doc` (prettier keeps it as a leading comment on its own line). */
function withDocs(docs: string | undefined, doc: Doc): Doc {
  return docs ? [commentDoc(docComment(docs)), hardline, doc] : doc;
}

/**
 * The lines of a comment as a document. prettier keeps two trailing spaces
 * (a Markdown hard break) on a JSDoc line and goes on with a literal line, so
 * they are not trimmed; other lines end with a hard line.
 */
function commentDoc(comment: string): Doc {
  const lines = comment.split('\n');
  return lines.flatMap((text, i) => (i === 0 ? [text] : [lines[i - 1].endsWith('  ') ? markAsRoot(literalline) : hardline, text]));
}

/** The comment of a property of an inline object type: always the block form, as `typeText` writes it. */
function blockComment(lines: string[]): string {
  const text = commentText(lines.join('\n'));
  return text.includes('\n') ? docComment(text) : `/**\n * ${text}\n */`;
}

// ---------------------------------------------------------------------------
// Declarations

/** `printClass` for an interface; the body has one member per line. */
function interfaceDoc(node: InterfaceDeclaration, check: Check): Doc {
  return ['export interface', heritage(node.name, node.extends, check).head, ' ', documentedMembers(node.properties, check, node.methods)];
}

/**
 * `{ … }` with one property per line, each after its JSDoc (`/** text *\/`
 * when it is one line), then the methods: a blank line before each, and a
 * line per signature (prettier's `TSMethodSignature`: laid out as a class
 * method's signature, ending with `;`).
 */
function documentedMembers(properties: TsProperty[], check: Check, methods: MethodSignature[] = []): Doc {
  const sections: Doc[] = [];
  if (properties.length) sections.push(join(hardline, properties.map((p) => [withDocs(p.docs.length ? p.docs.join('\n') : undefined, propertySignature(p, check)), ';'])));
  for (const method of methods) {
    const key = keyText(method.name, check);
    sections.push(join(hardline, method.signatures.map((s) => withDocs(s.docs, [key, signatureDoc(s.parameters, s.returnType, check), ';']))));
  }
  return sections.length ? ['{', indent([hardline, join([hardline, hardline], sections)]), hardline, '}'] : '{}';
}

/**
 * The name and `extends` clause of a class or interface (`printClass`). A
 * superclass written as `a.B` without type arguments is printed in "group
 * mode": when the head does not fit, `extends` goes to the next line,
 * indented. Otherwise the head stays on one line.
 */
function heritage(name: string, superclass: TsType | undefined, check: Check): { head: Doc; groupId?: symbol } {
  if (!superclass) return { head: [' ', name] };
  const clause = ['extends ', typeDoc(superclass, 'annotation', check)];
  if (!(superclass.kind === 'name' && superclass.name.includes('.'))) return { head: [' ', name, ' ', clause] };
  const groupId = Symbol('heritageGroup');
  return { head: group([' ', name, indent([line, group(clause)])], { id: groupId }), groupId };
}

/**
 * `printTypeAlias` through `printAssignment`: a union that does not hug breaks
 * after `=` (layout "break-after-operator"), anything else is "fluid".
 */
function typeAliasDoc(node: TypeAliasDeclaration, check: Check): Doc {
  const type = strip(node.type);
  const left = group(['type ', node.name]);
  if (type.kind === 'union' && !hugs(type.types.map(strip))) return group([left, ' =', group(indent([line, typeDoc(type, 'alias', check)]))]);
  return fluidAssignment(left, ' =', typeDoc(type, 'alias', check));
}

/**
 * `printVariableDeclarator`: "fluid" for an object literal value, and for a
 * call with two arguments or more (with fewer, `isPoorlyBreakableMemberOrCallChain`
 * may choose "break-after-operator": left to prettier).
 */
function constDoc(node: ConstDeclaration, check: Check): Doc {
  const left = group([node.name, node.type ? [': ', typeDoc(node.type, 'annotation', check)] : '']);
  let value: Doc;
  if ('kind' in node.value) {
    if (node.value.args.length < 2) check.certain = false;
    value = callExpressionDoc(node.value, check);
  } else value = objectDoc(node.value, check);
  return [node.exported ? 'export ' : '', 'const ', fluidAssignment(left, ' =', value), ';'];
}

/**
 * The constant as JavaScript has it: without its annotation and its call's
 * type arguments (`rt.resource('CallsApi', ops)`).
 */
function untypedConst(node: ConstDeclaration): ConstDeclaration {
  const value = 'kind' in node.value ? { ...node.value, typeArguments: undefined } : node.value;
  return { ...node, type: undefined, value };
}

/** `export declare const name: type;`: what declaration emit writes for an exported constant, from its annotation. */
function declaredConstDoc(node: ConstDeclaration, check: Check): Doc {
  // isolatedDeclarations: a type that would have to be inferred cannot be declared here.
  if (!node.type) throw new Error(`internal error: the exported constant ${node.name} needs a declared type`);
  return ['export declare const ', group([node.name, ': ', typeDoc(node.type, 'annotation', check)]), ';'];
}

/**
 * `printClass`: when the head breaks in group mode, the body's `{` goes on a
 * line of its own. A blank line separates the properties from the constructor.
 * In JavaScript the properties are fields without types (`account = new
 * AccountApi(this);`) and the superclass has no type arguments; in the
 * declarations they keep their types and lose their values, and the class and
 * its constructor are `declare`d without bodies.
 */
function classDoc(node: ClassDeclaration, check: Check, view: View = 'ts'): Doc {
  const superclass = view === 'js' && node.extends.kind === 'generic' ? { kind: 'name' as const, name: node.extends.name } : node.extends;
  const { head, groupId } = heritage(node.name, superclass, check);
  const sections: Doc[] = [];
  if (node.properties.length) {
    sections.push(
      join(
        hardline,
        node.properties.map((p) => {
          if (view === 'dts') return withDocs(p.docs, [group(['readonly ', p.name, ': ', typeDoc(p.type, 'annotation', check)]), ';']);
          const left = view === 'js' ? group(p.name) : group(['readonly ', p.name, ': ', typeDoc(p.type, 'annotation', check)]);
          return withDocs(p.docs, [fluidAssignment(left, ' =', callDoc(p.value)), ';']);
        }),
      ),
    );
  }
  if (node.ctor) {
    const { parameters, superArgs } = node.ctor;
    if (view === 'dts') {
      // A parameter with a default value is declared optional.
      const declared = parameters.map((p) => ({ ...p, optional: p.optional || p.initializer !== undefined, initializer: undefined }));
      sections.push(['constructor', signatureDoc(declared, undefined, check), ';']);
    } else {
      const signature = view === 'js' ? callDoc({ callee: '', args: parameters.map((p) => (p.initializer ? `${p.name} = ${p.initializer}` : p.name)) }) : signatureDoc(parameters, undefined, check);
      sections.push(['constructor', signature, ' {', indent([hardline, callDoc({ callee: 'super', args: superArgs }), ';']), hardline, '}']);
    }
  }
  const body = ['{', indent([hardline, join([hardline, hardline], sections)]), hardline, '}'];
  return [view === 'dts' ? 'export declare class' : 'export class', head, groupId ? ifBreak(hardline, ' ', { groupId }) : ' ', body];
}

/**
 * `printMethodValue`: parameters and return type in one group, so when they do
 * not fit the parameters go one per line (with a trailing comma).
 */
function signatureDoc(parameters: Parameter[], returnType: TsType | undefined, check: Check): Doc {
  const params = parameters.map((p) => [p.name, p.optional ? '?' : '', ': ', typeDoc(p.type, 'annotation', check), p.initializer ? [' = ', p.initializer] : '']);
  return group([
    '(',
    indent([softline, join([',', line], params)]),
    ifBreak(','),
    softline,
    ')',
    returnType ? [': ', typeDoc(returnType, 'annotation', check)] : '',
  ]);
}

/** `printCallArguments` for plain arguments: on one line, or one per line with a trailing comma. */
function callDoc(call: Call): Doc {
  return [call.callee, group(['(', indent([softline, join([',', line], call.args)]), ifBreak(','), softline, ')'])];
}

/**
 * `printCallExpression`: `callee<types>(…)`, the callee and type arguments as
 * written (a member chain of one call is one group), after a leading
 * `/* @__PURE__ *\/` comment.
 */
function callExpressionDoc(call: CallExpression, check: Check): Doc {
  const args = call.args.map((a): Doc => (isVariable(a) ? a.variable : valueDoc(a, check)));
  const types = call.typeArguments?.length ? typeArguments(call.typeArguments.map(strip), check) : '';
  return [call.pure ? '/* @__PURE__ */ ' : '', group([call.callee, types, callArguments(call.args, args)])];
}

type Argument = CallExpression['args'][number];

function isVariable(arg: Argument): arg is { variable: string } {
  return typeof arg === 'object' && 'variable' in arg;
}

/** What kind of argument prettier may hug: a non-empty object or array. */
function huggable(arg: Argument | undefined): 'object' | 'array' | undefined {
  if (typeof arg !== 'object' || isVariable(arg)) return undefined;
  if (isStringArray(arg)) return arg.length ? 'array' : undefined;
  return arg.entries.length ? 'object' : undefined;
}

/**
 * `printCallArguments`: a last argument that is a non-empty object or array
 * (and not of the same kind as the one before it) is hugged, as prettier's
 * `shouldGroupLast` does: on the call's line and broken inside, unless even
 * its opening does not fit; then every argument goes on its own line.
 */
function callArguments(values: Argument[], args: Doc[]): Doc {
  if (args.length === 0) return '()';
  const printed = args.map((a, i) => (i === args.length - 1 ? a : [a, ',', line]));
  const allBroken = () => group(['(', indent([line, ...printed]), ifBreak(','), line, ')'], { shouldBreak: true });
  const last = huggable(values[values.length - 1]);
  if (last && huggable(values[values.length - 2]) !== last) {
    const head = printed.slice(0, -1);
    if (head.some(willBreak)) return allBroken();
    const hugged = args[args.length - 1];
    if (willBreak(hugged)) return [breakParent, conditionalGroup([['(', ...head, group(hugged, { shouldBreak: true }), ')'], allBroken()])];
    return conditionalGroup([['(', ...head, hugged, ')'], ['(', ...head, group(hugged, { shouldBreak: true }), ')'], allBroken()]);
  }
  return group(['(', indent([softline, ...printed]), ifBreak(','), softline, ')'], { shouldBreak: printed.some(willBreak) });
}

/** `printAssignment`'s "fluid" layout: break after the operator only if the value cannot start on the line. */
function fluidAssignment(left: Doc, operator: string, value: Doc): Doc {
  const groupId = Symbol('assignment');
  return group([left, operator, group(indent(line), { id: groupId }), lineSuffixBoundary, indentIfBreak(value, { groupId })]);
}

// ---------------------------------------------------------------------------
// Object literals

/** `printObject`: a `multiline` object keeps its properties one per line; others fit on one line when they can. */
function objectDoc(node: JsObject, check: Check): Doc {
  if (node.entries.length === 0) return '{}';
  const properties = node.entries.map(([key, value]) => propertyDoc(keyText(key, check), value, check));
  return group(['{', indent([line, join([',', line], properties)]), ifBreak(','), line, '}'], { shouldBreak: node.multiline ?? false });
}

/**
 * `printProperty` through `printAssignment`'s `chooseLayout`: a key shorter
 * than 5 columns never breaks after the colon; otherwise a string breaks after
 * it ("break-after-operator"), numbers and booleans never do, arrays and
 * objects are "fluid".
 */
function propertyDoc(key: string, value: JsValue, check: Check): Doc {
  const printed = valueDoc(value, check);
  // prettier measures the key in columns, where some characters beyond ASCII take two.
  if (/[^\x00-\x7f]/.test(key)) check.certain = false;
  const shortKey = key.length < 5;
  if (typeof value === 'string' && !shortKey) return group([group(key), ':', group(indent([line, printed]))]);
  if (typeof value !== 'object' || shortKey) return group([group(key), ': ', printed]);
  return fluidAssignment(group(key), ':', printed);
}

function valueDoc(value: JsValue, check: Check): Doc {
  if (typeof value === 'string') return safeQuote(value);
  if (typeof value === 'number') return numberText(value, check);
  if (typeof value === 'boolean') return String(value);
  if (isStringArray(value)) return value.length === 0 ? '[]' : group(['[', indent([softline, join([',', line], value.map(safeQuote))]), ifBreak(','), softline, ']']);
  return objectDoc(value, check);
}

function isStringArray(value: readonly string[] | JsObject): value is readonly string[] {
  return Array.isArray(value);
}

// ---------------------------------------------------------------------------
// Types

/** Where a type stands, which decides how prettier lays out a union there. */
type Position = 'alias' | 'annotation' | 'argument' | 'union' | 'intersection';

const KEYWORDS = new Set(['any', 'bigint', 'boolean', 'never', 'null', 'number', 'object', 'string', 'symbol', 'undefined', 'unknown', 'void']);

/** prettier's parser keeps no parentheses: it prints them where `needsParens` asks for them. */
function strip(type: TsType): TsType {
  return type.kind === 'parens' ? strip(type.type) : type;
}

function typeDoc(node: TsType, position: Position, check: Check): Doc {
  const type = strip(node);
  switch (type.kind) {
    case 'name':
      return type.name;
    case 'literal':
      return typeof type.value === 'string' ? safeQuote(type.value) : typeof type.value === 'number' ? numberText(type.value, check) : String(type.value);
    case 'generic':
      return [type.name, typeArguments(type.args.map(strip), check)];
    case 'indexed':
      return [typeDoc(type.object, 'argument', check), '[', typeDoc(type.index, 'argument', check), ']'];
    case 'union':
      return unionDoc(type.types.map(strip), position, check);
    case 'intersection':
      return intersectionDoc(type.types.map(strip), position, check);
    case 'object':
      return objectTypeDoc(type, check);
    case 'parens':
      return typeDoc(type.type, position, check);
  }
}

/** `isSimpleType`: a keyword, a literal, or a type name without type arguments. */
function isSimple(type: TsType): boolean {
  return type.kind === 'name' || type.kind === 'literal';
}

/** `shouldHugUnionType`: one object-like type (an object type or a type reference) with only `null`s besides. */
function hugs(types: TsType[]): boolean {
  const objectLike = types.find((t) => t.kind === 'object' || t.kind === 'generic' || (t.kind === 'name' && !KEYWORDS.has(t.name)));
  return objectLike !== undefined && types.every((t) => t === objectLike || (t.kind === 'name' && (t.name === 'null' || t.name === 'void')));
}

/**
 * `printTypeParameters`: a lone simple or object type (or hugging union) stays
 * inside `<…>`; otherwise the arguments break one per line when they do not fit.
 */
function typeArguments(args: TsType[], check: Check): Doc {
  const [only] = args;
  if (args.length === 1 && (isSimple(only) || only.kind === 'object' || (only.kind === 'union' && hugs(only.types.map(strip))))) {
    return ['<', typeDoc(only, 'argument', check), '>'];
  }
  return group(['<', indent([softline, join([',', line], args.map((a) => typeDoc(a, 'argument', check)))]), softline, '>']);
}

/**
 * `printUnionType`: `A | B` on one line, or `| A` per line. A union inside
 * another union or an intersection keeps its parentheses; as a type annotation
 * it first tries the next line (`group(indent([softline, …]))`); after a type
 * alias's `=` and as a type argument the surrounding layout indents it.
 */
function unionDoc(types: TsType[], position: Position, check: Check): Doc {
  const nested = position === 'union' || position === 'intersection';
  if (hugs(types)) {
    const hugged = join(' | ', types.map((t) => typeDoc(t, 'union', check)));
    return nested ? ['(', hugged, ')'] : hugged;
  }
  const parts = group(types.map((t, i) => [i === 0 ? ifBreak('| ') : [line, '| '], align(2, typeDoc(t, 'union', check))]));
  if (nested) return ['(', group([indent([softline, parts]), softline]), ')'];
  return position === 'annotation' ? group(indent([softline, parts])) : parts;
}

/** `printIntersectionType`: object types join with ` & ` in place, other types break before the next part. */
function intersectionDoc(types: TsType[], position: Position, check: Check): Doc {
  let wasIndented = false;
  const parts = types.map((type, i): Doc => {
    const doc = typeDoc(type, 'intersection', check);
    if (i === 0) return doc;
    const isObject = type.kind === 'object';
    const previousIsObject = types[i - 1].kind === 'object';
    if (previousIsObject && isObject) return [' & ', wasIndented ? indent(doc) : doc];
    if (!previousIsObject && !isObject) return indent([' &', line, doc]);
    if (i > 1) wasIndented = true;
    return [' & ', i > 1 ? indent(doc) : doc];
  });
  return position === 'union' || position === 'intersection' ? ['(', group(parts), ')'] : group(parts);
}

/** `printObject` for a type literal: `;` after each property (the last only when broken). */
function objectTypeDoc(type: Extract<TsType, { kind: 'object' }>, check: Check): Doc {
  const members: Doc[] = type.properties.map((p) => [p.docs.length ? [commentDoc(blockComment(p.docs)), hardline] : '', propertySignature(p, check)]);
  if (type.index) members.push(group(['[key: string]', ': ', typeDoc(type.index, 'annotation', check)]));
  if (members.length === 0) return '{}';
  const separated = members.map((m, i) => [m, i === members.length - 1 ? ifBreak(';') : ';']);
  return group(['{', indent([line, join(line, separated)]), line, '}'], { shouldBreak: type.multiline });
}

function propertySignature(p: TsProperty, check: Check): Doc {
  return group([keyText(p.name, check), p.optional ? '?' : '', ': ', typeDoc(p.type, 'annotation', check)]);
}

// ---------------------------------------------------------------------------
// Tokens

/**
 * A property key: bare when it is an identifier, else quoted. prettier
 * unquotes a quoted key that is an identifier name (`__proto__`, `café`):
 * for a name that may be one the layout is uncertain.
 */
function keyText(name: string | number, check: Check): string {
  if (typeof name === 'number') return numberText(name, check);
  if (isIdentifierName(name) && name !== '__proto__') return name;
  if (mayBeUnquoted(name)) check.certain = false;
  return safeQuote(name);
}

/** `printNumber`: how prettier writes a number literal (`1e21`, not `1e+21`). */
function numberText(value: number, check: Check): string {
  if (!Number.isFinite(value)) check.certain = false;
  return String(value)
    .toLowerCase()
    .replace(/^([+-]?[\d.]+e)(?:\+|(-))?0*(?=\d)/, '$1$2')
    .replace(/^([+-]?[\d.]+)e[+-]?0+$/, '$1')
    .replace(/^([+-])?\./, '$10.')
    .replace(/(\.\d+?)0+(?=e|$)/, '$1')
    .replace(/\.(?=e|$)/, '');
}
