/**
 * Renders the docs templates (`templates/**.hbs`). An isolated Handlebars
 * environment holds the Markdown helpers; templates print values only through
 * them, with triple-stash (`{{{mdText x}}}`), because Handlebars' own
 * HTML-escaping is the wrong escape for Markdown. The `md` helper prints a
 * fragment the view-model already escaped and refuses anything else.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type Handlebars from 'handlebars';
import { packageRoot, templatesDir } from '../../paths.js';
import { mdCode, mdCodeBlock, mdLink, mdProse, mdText } from './markdown.js';
import { Markdown } from './markdown-value.js';

/** The helpers templates may print through. */
export const OUTPUT_HELPERS = ['md', 'mdText', 'mdCode', 'mdProse', 'mdLink', 'mdCodeBlock'] as const;

export type TemplateName = 'api' | 'model' | 'readme';

const FILES: Record<TemplateName, string> = { api: 'docs/api.md.hbs', model: 'docs/model.md.hbs', readme: 'readme.md.hbs' };

let compiled: Map<TemplateName, HandlebarsTemplateDelegate> | undefined;

/** Renders one template with a view. */
export function render(name: TemplateName, view: object): string {
  compiled ??= compileAll();
  return compiled.get(name)!(view);
}

/** Forgets the compiled templates, so the next render reads templates/ again (`generate --watch` after a template edit). */
export function reloadTemplates(): void {
  compiled = undefined;
}

/** The template and partial sources, by name. */
interface Sources {
  templates: Record<TemplateName, string>;
  partials: Record<string, string>;
}

function readSources(): Sources {
  const dir = templatesDir();
  const partialsDir = path.join(dir, 'partials');
  const names = fs.existsSync(partialsDir) ? fs.readdirSync(partialsDir) : [];
  const partials: Record<string, string> = {};
  for (const file of names.filter((f) => f.endsWith('.hbs')).sort()) {
    partials[file.replace(/\.hbs$/, '')] = fs.readFileSync(path.join(partialsDir, file), 'utf8');
  }
  const templates = {} as Record<TemplateName, string>;
  for (const [name, file] of Object.entries(FILES) as [TemplateName, string][]) {
    templates[name] = fs.readFileSync(path.join(dir, file), 'utf8');
  }
  return { templates, partials };
}

// strict: a misspelt field is an error at generation time, not an empty cell.
const COMPILE_OPTIONS = { strict: true } as const;

/**
 * Templates precompiled by `npm run build` (Handlebars' own precompilation),
 * so a run from dist/ loads only the Handlebars runtime and compiles nothing:
 * compiling was about a tenth of generating the three seed specs. Used only
 * when built from exactly the templates on disk by the same Handlebars
 * version; otherwise (from source, or after a template edit in --watch) the
 * templates are compiled here as before.
 */
const PRECOMPILED = 'dist/templates.precompiled.json';

interface Precompiled {
  version: string;
  hash: string;
  templates: Record<TemplateName, string>;
  partials: Record<string, string>;
}

function hashOf(sources: Sources): string {
  return createHash('sha256').update(JSON.stringify(sources)).digest('hex');
}

const require = createRequire(import.meta.url);

function compileAll(): Map<TemplateName, HandlebarsTemplateDelegate> {
  const sources = readSources();
  const precompiled = readPrecompiled(hashOf(sources));
  const hb = (precompiled ? (require('handlebars/runtime') as typeof Handlebars) : (require('handlebars') as typeof Handlebars)).create();
  registerHelpers(hb);
  const out = new Map<TemplateName, HandlebarsTemplateDelegate>();
  if (precompiled) {
    // The precompiled specs are JavaScript that `npm run build` wrote from our own templates.
    const load = (spec: string): HandlebarsTemplateDelegate => hb.template(new Function(`return ${spec};`)() as TemplateSpecification);
    for (const [name, spec] of Object.entries(precompiled.partials)) hb.registerPartial(name, load(spec));
    for (const [name, spec] of Object.entries(precompiled.templates) as [TemplateName, string][]) out.set(name, load(spec));
    return out;
  }
  for (const [name, source] of Object.entries(sources.partials)) hb.registerPartial(name, source);
  for (const [name, source] of Object.entries(sources.templates) as [TemplateName, string][]) out.set(name, hb.compile(source, COMPILE_OPTIONS));
  return out;
}

function readPrecompiled(hash: string): Precompiled | undefined {
  let bundle: Precompiled;
  try {
    bundle = JSON.parse(fs.readFileSync(path.join(packageRoot(), PRECOMPILED), 'utf8')) as Precompiled;
  } catch {
    return undefined;
  }
  const runtime = require('handlebars/runtime') as typeof Handlebars;
  return bundle.hash === hash && bundle.version === runtime.VERSION ? bundle : undefined;
}

/** Writes the precompiled templates into dist/ (run by `npm run build`); returns the file written. */
export function writePrecompiledTemplates(): string {
  const compiler = require('handlebars') as typeof Handlebars;
  const sources = readSources();
  const compile = (source: string): string => compiler.precompile(source, COMPILE_OPTIONS) as string;
  const bundle: Precompiled = {
    version: compiler.VERSION,
    hash: hashOf(sources),
    templates: Object.fromEntries(Object.entries(sources.templates).map(([k, v]) => [k, compile(v)])) as Record<TemplateName, string>,
    partials: Object.fromEntries(Object.entries(sources.partials).map(([k, v]) => [k, compile(v)])),
  };
  const file = path.join(packageRoot(), PRECOMPILED);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(bundle)}\n`);
  return file;
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return '';
  throw new Error(`internal error: a docs template printed a ${typeof value} as text`);
}

function registerHelpers(hb: typeof Handlebars): void {
  hb.registerHelper('md', (value: unknown) => {
    if (value instanceof Markdown) return value.text;
    throw new Error('internal error: the md helper prints only escaped Markdown values');
  });
  hb.registerHelper('mdText', (value: unknown) => mdText(text(value)));
  // Table-safe by default (pipes escaped); `inTable=false` outside tables, where `\|` would show.
  hb.registerHelper('mdCode', (value: unknown, options: Handlebars.HelperOptions) => mdCode(text(value), options.hash.inTable !== false));
  hb.registerHelper('mdProse', (value: unknown) => mdProse(text(value)));
  hb.registerHelper('mdLink', (label: unknown, href: unknown) => mdLink(text(label), text(href)));
  hb.registerHelper('mdCodeBlock', (code: unknown, lang: unknown) => mdCodeBlock(text(code), text(lang)));
}
