/**
 * JSON-like data as a TypeScript expression. Keys are bare when they are
 * identifiers, quoted otherwise; `__proto__` becomes the computed key
 * `['__proto__']`, because a plain or quoted `__proto__` key in an object
 * literal would set the prototype instead of a property.
 */
import { stringLiteral } from '../../model/names.js';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The expression text for `value` (undefined properties are left out). */
export function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'number') return Number.isFinite(value) ? (Object.is(value, -0) ? '0' : String(value)) : 'null';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${objectKey(k)}: ${literal((value as Record<string, unknown>)[k])}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return 'null';
}

/** A key for an object literal (not a type): safe for every string, `__proto__` included. */
export function objectKey(key: string): string {
  if (key === '__proto__') return `[${stringLiteral(key)}]`;
  return IDENTIFIER.test(key) ? key : stringLiteral(key);
}
