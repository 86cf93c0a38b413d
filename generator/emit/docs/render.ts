/**
 * Renders the docs templates (`templates/**.hbs`). An isolated Handlebars
 * environment holds the Markdown helpers; templates print values only through
 * them, with triple-stash (`{{{mdText x}}}`), because Handlebars' own
 * HTML-escaping is the wrong escape for Markdown. The `md` helper prints a
 * fragment the view-model already escaped and refuses anything else.
 */
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { templatesDir } from '../../paths.js';
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

function compileAll(): Map<TemplateName, HandlebarsTemplateDelegate> {
  const hb = Handlebars.create();
  registerHelpers(hb);
  const dir = templatesDir();
  const partials = path.join(dir, 'partials');
  const names = fs.existsSync(partials) ? fs.readdirSync(partials) : [];
  for (const file of names.filter((f) => f.endsWith('.hbs')).sort()) {
    hb.registerPartial(file.replace(/\.hbs$/, ''), fs.readFileSync(path.join(partials, file), 'utf8'));
  }
  const out = new Map<TemplateName, HandlebarsTemplateDelegate>();
  for (const [name, file] of Object.entries(FILES) as [TemplateName, string][]) {
    // strict: a misspelt field is an error at generation time, not an empty cell.
    out.set(name, hb.compile(fs.readFileSync(path.join(dir, file), 'utf8'), { strict: true }));
  }
  return out;
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
