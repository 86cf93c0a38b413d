/**
 * The checks every hostile spec's output must pass: it compiles, importing it
 * runs nothing, nothing lands outside the output folder, and its Markdown
 * renders with the markup inert.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { MANIFEST } from '../../generator/write/manifest.js';
import { listFiles } from '../../generator/write/output.js';
import { tempDir } from '../helpers/temp.js';
import { CANARY_FILE } from './payloads.js';

export interface ImportOutcome {
  status: number | null;
  stdout: string;
  stderr: string;
  /** What the child saw after importing: canaries and prototype pollution. */
  seen?: { pwned: unknown; polluted: unknown; isAdmin: unknown; exports: string[] };
  /** Files that appeared in the child's empty working folder. */
  written: string[];
}

const IMPORTER = `
import { pathToFileURL } from 'node:url';
const exports = [];
for (const entry of process.argv.slice(1)) exports.push(...Object.keys(await import(pathToFileURL(entry).href)));
process.stdout.write(JSON.stringify({ pwned: globalThis.__pwned ?? null, polluted: ({}).polluted ?? null, isAdmin: ({}).isAdmin ?? null, exports }));
`;

/** The compiled entry points of a package that exist (`dist/index.js`, `dist/mocks/index.js`). */
export function entries(outDir: string): string[] {
  return ['dist/index.js', 'dist/mocks/index.js'].map((e) => path.join(outDir, e)).filter((e) => fs.existsSync(e));
}

/** Imports every entry in a fresh Node process whose working folder is an empty temp folder. */
export function importInChild(files: string[]): ImportOutcome {
  const cwd = tempDir('switchboard-import-');
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', IMPORTER, '--', ...files], { cwd, encoding: 'utf8', timeout: 30_000 });
  let seen: ImportOutcome['seen'];
  try {
    seen = JSON.parse(child.stdout);
  } catch {
    seen = undefined;
  }
  const written = fs.readdirSync(cwd);
  fs.rmSync(cwd, { recursive: true, force: true });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr, seen, written };
}

/** True when no import canary fired. */
export function importWasInert(o: ImportOutcome): boolean {
  return o.status === 0 && o.seen !== undefined && o.seen.pwned === null && o.seen.polluted === null && o.seen.isAdmin === null && o.written.length === 0;
}

/** Output file paths that are not plain, portable relative names (the writer's own dot-named manifest aside). */
export function unsafeOutputPaths(outDir: string): string[] {
  return listFiles(outDir).filter((rel) => rel !== MANIFEST).filter((rel) => !/^[A-Za-z0-9_-][A-Za-z0-9_.-]*(\/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*$/.test(rel) || rel.split('/').includes('..'));
}

/** Every file named like the canary anywhere below `dir`. */
export function canaryFiles(dir: string): string[] {
  return listFiles(dir).filter((rel) => path.posix.basename(rel) === CANARY_FILE);
}

const md = new MarkdownIt({ html: true, linkify: true });
const DANGEROUS_TAGS = /^(script|img|iframe|object|embed|style|svg|math|form|input|button|link|meta|base|frame|frameset|video|audio|source)$/i;

/**
 * Renders Markdown the way a permissive viewer would (raw HTML allowed) and
 * returns every live piece of markup that came from spec text: dangerous tags,
 * event-handler attributes and `javascript:`/`data:`/`vbscript:` URLs.
 */
export function liveMarkup(markdown: string): string[] {
  const html = md.render(markdown);
  const found: string[] = [];
  for (const m of html.matchAll(/<\/?([A-Za-z][A-Za-z0-9-]*)([^>]*)>/g)) {
    const [tag, name, attrs] = m;
    if (DANGEROUS_TAGS.test(name)) found.push(tag);
    if (/\son[a-z]+\s*=/i.test(attrs)) found.push(tag);
    if (/\s(href|src|action|formaction|xlink:href)\s*=\s*["']?\s*(javascript|data|vbscript):/i.test(attrs)) found.push(tag);
  }
  // An HTML comment left open swallows the rest of the page.
  if (/<!--(?![\s\S]*?-->)/.test(html)) found.push('unclosed <!--');
  return found;
}

/** Every Markdown file of a package with the live markup it renders. */
export function markdownFindings(outDir: string): { file: string; live: string[] }[] {
  return listFiles(outDir)
    .filter((f) => f.endsWith('.md'))
    .map((file) => ({ file, live: liveMarkup(fs.readFileSync(path.join(outDir, file), 'utf8')) }));
}
