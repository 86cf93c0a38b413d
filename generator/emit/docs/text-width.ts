/** Display width of text, measured the way prettier measures it. */
import { createRequire } from 'node:module';

let prettierWidth: ((text: string) => number) | undefined;

/**
 * Prettier's `getStringWidth`: East Asian wide characters count 2, combining
 * marks and control characters 0. Table columns are padded to it and line
 * fitting uses it. ASCII text is its length; for the rest prettier's own
 * function is loaded, once (synchronously, which its ESM entry cannot be).
 */
export function stringWidth(text: string): number {
  if (!/[^\x20-\x7e]/.test(text)) return text.length;
  prettierWidth ??= (createRequire(import.meta.url)('prettier') as { util: { getStringWidth(text: string): number } }).util.getStringWidth;
  return prettierWidth(text);
}
