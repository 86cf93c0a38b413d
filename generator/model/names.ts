/**
 * The one naming module. Every identifier, property key, string literal,
 * comment and file name that comes from spec text goes through here, so a
 * hostile spec cannot break out of generated code, comments or paths.
 */
import { createRequire } from 'node:module';
import type validatePackageName from 'validate-npm-package-name';
import { compareText } from '../issues.js';

/** ECMAScript reserved words, strict-mode and TypeScript contextual names that must not be bare identifiers. */
const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'import in instanceof new null return super switch this throw true try typeof var void while with yield let static ' +
    'implements interface package private protected public await arguments eval undefined NaN Infinity ' +
    'any boolean never number object string symbol unknown bigint type keyof readonly declare namespace module abstract as is ' +
    'constructor prototype __proto__ toString valueOf hasOwnProperty isPrototypeOf propertyIsEnumerable toLocaleString ' +
    'Array Object String Number Boolean Symbol Promise Date Error Function Map Set Record Partial Required Pick Omit Exclude ' +
    'Extract ReadonlyArray Uint8Array Blob Response Request Headers URL URLSearchParams AbortSignal'
  ).split(' '),
);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Splits spec text into ASCII words at separators and case changes (`listAllCalls` → list, All, Calls). */
export function splitWords(raw: string): string[] {
  return raw
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

/** `make call` → `MakeCall`. Returns `fallback` when no ASCII word is left. Acronyms keep their case. */
export function pascalCase(raw: string, fallback: string): string {
  const words = splitWords(raw);
  if (words.length === 0) return fallback;
  const out = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  return /^\d/.test(out) ? `_${out}` : avoidReserved(out);
}

/** `Make Call` → `makeCall`; a leading acronym is lower-cased whole (`SMSMessages` → `smsMessages`). */
export function camelCase(raw: string, fallback: string): string {
  const words = splitWords(raw);
  if (words.length === 0) return fallback;
  const [first, ...rest] = words;
  const head = /^[A-Z0-9]+$/.test(first) ? first.toLowerCase() : first[0].toLowerCase() + first.slice(1);
  const out = head + rest.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  return /^\d/.test(out) ? `_${out}` : avoidReserved(out);
}

/** The operationId used when the spec gives none: method and path (`get /calls` → method name `getCalls`). */
export function fallbackOperationId(method: string, path: string): string {
  return `${method} ${path}`;
}

/** The one wording, for `generate` and `lint`, of an operation without operationId (`label`: `GET /calls`). */
export function missingOperationIdMessage(label: string, methodName: string): string {
  return `${label} has no operationId; it names the client method, so the method is ${methodName}() (from the method and path)`;
}

function avoidReserved(name: string): string {
  return RESERVED.has(name) ? `${name}_` : name;
}

/**
 * Assigns each raw string a unique safe name. Raws are processed in code-unit
 * order, so the same set of inputs always gets the same names; a clash gets
 * the smallest free numeric suffix (`Pet`, `Pet2`).
 */
export function uniqueNames(raws: Iterable<string>, make: (raw: string) => string, taken: Iterable<string> = []): Map<string, string> {
  const used = new Set<string>([...taken].map((n) => n.toLowerCase()));
  const out = new Map<string, string>();
  for (const raw of [...new Set(raws)].sort(compareText)) {
    const base = make(raw);
    let name = base;
    // Case-insensitive: names also become file names, and file systems may fold case.
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}${n}`;
    used.add(name.toLowerCase());
    out.set(raw, name);
  }
  return out;
}

/** A property key for an object type or literal: bare when safe, otherwise a quoted string. */
export function propertyKey(name: string): string {
  return IDENTIFIER.test(name) && name !== '__proto__' ? name : stringLiteral(name);
}

/** Property access: `.name` or `["na-me"]`. */
export function propertyAccess(name: string): string {
  return IDENTIFIER.test(name) && name !== '__proto__' ? `.${name}` : `[${stringLiteral(name)}]`;
}

/** A TypeScript/JavaScript string literal for any text, safe in code and in JSON. */
export function stringLiteral(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Text that is safe inside a block comment: `*​/` cannot close it, no stray control characters. */
export function commentText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/g, ' ')
    .replace(/\*\//g, '*\\/')
    .trim();
}

/**
 * A file name stem from an already safe identifier. Anything outside
 * `[A-Za-z0-9_-]` is dropped, so `/`, `\`, `..` or `%2e` can never reach a path.
 */
export function fileStem(name: string, fallback: string): string {
  const stem = name.replace(/[^A-Za-z0-9_-]/g, '').replace(/^[-_.]+/, '');
  return stem === '' ? fallback : stem;
}

/**
 * The npm package name of an API when none is chosen: `@switchboard/` and the
 * API's short name (the spec's file stem) in lower case, every run of other
 * characters than `a-z`, `0-9` and `-` made one `-` (`Acme Pets.yaml` →
 * `@switchboard/acme-pets`).
 */
export function defaultPackageName(rawName: string): string {
  const stem = rawName.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return `@switchboard/${stem || 'api'}`;
}

/**
 * Why `name` cannot name a new npm package (npm's own rules, by npm's own
 * validator, loaded only when a name is given), or undefined when it can.
 */
export function packageNameProblem(name: string): string | undefined {
  const validate = createRequire(import.meta.url)('validate-npm-package-name') as typeof validatePackageName;
  const { validForNewPackages, errors = [], warnings = [] } = validate(name);
  if (validForNewPackages) return undefined;
  return [...errors, ...warnings].join('; ');
}
