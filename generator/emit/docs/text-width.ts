/** Display width of text, measured the way prettier measures it. */
import { createRequire } from 'node:module';

/**
 * Text prettier counts one column per character: printable ASCII, Latin-1 to
 * IPA (U+00A0–U+02FF, before the combining marks) and the dashes and quotes of
 * General Punctuation (U+2010–U+2027); checked one by one and in pairs against
 * prettier's own function.
 */
const NARROW = /^[\x20-\x7e\u00a0-\u02ff\u2010-\u2027]*$/;

let prettierWidth: ((text: string) => number) | undefined;

/**
 * Prettier's `getStringWidth`: East Asian wide characters count 2, combining
 * marks and control characters 0. Table columns are padded to it and line
 * fitting uses it. Narrow text is its length; for the rest prettier's own
 * function is loaded, once (synchronously, which its ESM entry cannot be).
 */
export function stringWidth(text: string): number {
  if (NARROW.test(text)) return text.length;
  prettierWidth ??= (createRequire(import.meta.url)('prettier') as { util: { getStringWidth(text: string): number } }).util.getStringWidth;
  return prettierWidth(text);
}
