/**
 * Strings that match a `pattern`, for samples and generated ids. Handles the
 * regular-expression subset specs use: literals, escapes (`\d \w \s`),
 * classes with ranges, groups with alternation, anchors and quantifiers.
 * The result is checked against the real RegExp; `undefined` when the
 * pattern is beyond this subset.
 */
import type { Random } from './random.js';
/** The RegExp for a schema `pattern` (unicode mode when it allows), cached; undefined when invalid. */
export declare function compilePattern(pattern: string): RegExp | undefined;
/** A string matching `pattern`, or undefined when none could be made. */
export declare function sampleRegex(pattern: string, random: Random): string | undefined;
