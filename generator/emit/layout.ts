/**
 * Text in prettier's layout, without running prettier's parser.
 *
 * Emitters build small documents with prettier's own document builders
 * (`prettier/doc`: group, indent, line, softline, ifBreak) in the shape
 * prettier's printer gives the same construct, and print them here with the
 * pipeline's options (width 100, two-space indent). The line-fitting is
 * prettier's own algorithm, so a construct built like prettier builds it comes
 * out byte for byte as prettier would print it. Files printed this way are
 * marked `formatted` and skip prettier's parse and print, which was most of a
 * generation's time (bench/README.md). Tests check every such claim with
 * `falselyFormatted` on real output.
 */
import { builders, printer, utils } from 'prettier/doc';
import { commentText } from '../model/names.js';

export type Doc = builders.Doc;
export const { group, indent, line, softline, hardline, join, ifBreak } = builders;

/** The line width of the pipeline's prettier options (write/format.ts), which take it from here. */
export const PRINT_WIDTH = 100;
const TAB_WIDTH = 2;

/**
 * Prints a document. `column` is where its first character goes in the file
 * (for a piece the caller places after other text or indentation); the width
 * left for it shrinks by as much. Continuation lines start at column 0 plus
 * the document's own indentation: the caller adds its indentation to them.
 */
export function printDoc(doc: Doc, column = 0): string {
  return printer.printDocToString(doc, {
    printWidth: PRINT_WIDTH - column,
    tabWidth: TAB_WIDTH,
    useTabs: false,
  }).formatted;
}

/**
 * What prettier prints for `stringLiteral(value)` (model/names.ts) with
 * `singleQuote: true`: single quotes unless the text holds more single than
 * double quotes, only the escapes it keeps (the enclosing quote, backslash,
 * control characters), and U+2028 and U+2029 kept as `\u2028` escapes
 * (prettier keeps an escape as written), so the text stays one line in every
 * tool that reads it.
 */
export function safeQuote(value: string): string {
  const json = JSON.stringify(value).slice(1, -1);
  const singles = count(value, "'");
  // In JSON text a `"` is always escaped and a backslash never stands before a raw
  // quote, so plain replacements are exact (and much faster on megabytes of data).
  const quoted = singles > count(value, '"') ? `"${json}"` : `'${json.replaceAll('\\"', '"').replaceAll("'", "\\'")}'`;
  return quoted.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function count(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) n++;
  return n;
}

/** An identifier that can stand as an object key or property name without quotes. */
export function isIdentifierName(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}

/**
 * `{ a, b }` for import and export lists: on one line when the whole statement
 * fits (or holds one name), otherwise one name per line with a trailing comma.
 */
function namedList(head: string, names: readonly string[], tail: string): Doc {
  if (names.length === 0) return `${head}{}${tail}`;
  if (names.length === 1) return `${head}{ ${names[0]} }${tail}`;
  return group([head, '{', indent([line, join([',', line], [...names])]), ifBreak(','), line, '}', tail]);
}

/** `import { A, B } from './x.js';` (or `import type`), broken like prettier breaks it. */
export function importDeclaration(names: readonly string[], from: string, options: { typeOnly?: boolean } = {}): string {
  return printDoc(namedList(options.typeOnly ? 'import type ' : 'import ', names, ` from ${safeQuote(from)};`));
}

/** `export { A, type B } from './x.js';` (or `export type`), broken like prettier breaks it. */
export function exportDeclaration(names: readonly string[], from: string, options: { typeOnly?: boolean } = {}): string {
  return printDoc(namedList(options.typeOnly ? 'export type ' : 'export ', names, ` from ${safeQuote(from)};`));
}

/**
 * A JSDoc comment for `text` (made safe with `commentText`) as prettier prints
 * it: `/** text *\/` when it is one line, else one ` * ` line per line of text,
 * trailing spaces trimmed except a Markdown hard break (two spaces), which
 * prettier keeps. Continuation lines start with `indentation`.
 */
export function docComment(text: string, indentation = ''): string {
  const lines = commentText(text).split('\n');
  if (lines.length === 1) return `/** ${lines[0]} */`;
  const body = lines.map((l) => {
    const line = ` * ${l}`.trimEnd();
    return line !== ' *' && l.endsWith('  ') ? `${line}  ` : line;
  });
  return ['/**', ...body, ' */'].join(`\n${indentation}`);
}

/** More of prettier's document builders, for constructs laid out the way prettier's printer builds them. */
export const { align, breakParent, conditionalGroup, fill, indentIfBreak, lineSuffixBoundary, literalline, markAsRoot } = builders;

/** Whether a document will break (it holds a hard line or a group that must break). */
export const { willBreak } = utils;

/** Names that may be identifiers, by ES5's letter classes or by today's ID_Start/ID_Continue: the union of both, to err toward "maybe". */
const MAYBE_IDENTIFIER = /^[$_\p{L}\p{Nl}\p{ID_Start}][$_\u200c\u200d\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}\p{ID_Continue}]*$/u;

/**
 * Whether prettier might print a quoted key `name` without its quotes: it
 * unquotes identifier names (`'__proto__'` in a type too, `'café'`). True for
 * every name that may be one, so a layout that keeps such a key quoted is not
 * claimed as prettier's.
 */
export function mayBeUnquoted(name: string): boolean {
  return MAYBE_IDENTIFIER.test(name);
}
