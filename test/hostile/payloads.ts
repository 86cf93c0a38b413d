/**
 * Strings crafted to break out of generated code, comments, Markdown and
 * paths. Every code payload, if it ever ran, would trip a canary: set
 * `globalThis.__pwned`, write a `PWNED` file in the working folder, or exit the
 * process with code 9. The import check looks for all three.
 */

/** Name of the file a payload would write in the working folder. */
export const CANARY_FILE = 'PWNED';
/** Exit code a payload would force. */
export const CANARY_EXIT = 9;

const write = `process.getBuiltinModule('fs').writeFileSync('${CANARY_FILE}', '1')`;

/** Payloads aimed at string literals, template literals, comments and line structure. */
export const CODE_PAYLOADS = [
  `*/ globalThis.__pwned = 1; ${write}; /*`,
  `'); globalThis.__pwned = 2; process.exit(${CANARY_EXIT}); ('`,
  `"); globalThis.__pwned = 3; process.exit(${CANARY_EXIT}); ("`,
  '${globalThis.__pwned = 4}',
  `\`; globalThis.__pwned = 5; ${write}; \``,
  `x\nglobalThis.__pwned = 6; ${write}; //`,
  `y\u2028globalThis.__pwned = 7; //\u2029z`,
  `\\'; globalThis.__pwned = 8; //`,
  `</script><script>globalThis.__pwned = 9</script>`,
];

/** Payloads aimed at Markdown and HTML renderers. */
export const MARKUP_PAYLOADS = [
  '</script><script>alert(1)</script>',
  '<img src=x onerror="alert(1)">',
  '[click me](javascript:alert(1))',
  '<a href="javascript:alert(1)">link</a>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '| table | break |\n|---|---|\n| x | y |',
  '```\nfenced ``` break\n```',
  '<!-- unclosed comment',
  '# heading injection',
];

export const ALL_PAYLOADS = [...CODE_PAYLOADS, ...MARKUP_PAYLOADS];

/** Every payload joined, for places that take one string. */
export const EVERYTHING = ALL_PAYLOADS.join('\n');

/** Identifiers that are reserved, special on Object.prototype, empty, non-ASCII, or collide once sanitised. */
export const HOSTILE_NAMES = [
  'constructor',
  '__proto__',
  'prototype',
  'class',
  'toString',
  'hasOwnProperty',
  'default',
  'Object',
  'Promise',
  '',
  ' ',
  '日本語',
  'платёж',
  '🙂',
  'pet-store',
  'pet_store',
  'PetStore',
  'pet store',
  'petStore',
  '1st',
  '$dollar',
];

/** Names that try to become paths outside the output folder. */
export const TRAVERSAL_NAMES = ['../../x', '/abs', '%2e%2e/', '%2E%2E%2Fup', 'a\\b', '..', '.', 'C:\\win', 'nul\u0000byte', '~/home', 'CON'];
