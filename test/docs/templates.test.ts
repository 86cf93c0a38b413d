/**
 * The templates print values only through the Markdown helpers: every output
 * tag is a triple-stash call of one of them. A bare `{{x}}` (Handlebars'
 * HTML-escaping, wrong for Markdown) or a triple-stash of a raw field fails.
 * And the `md` helper refuses plain strings at render time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { render, OUTPUT_HELPERS } from '../../generator/emit/docs/render.js';
import { templatesDir } from '../../generator/paths.js';

function templates(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? templates(p) : e.name.endsWith('.hbs') ? [p] : [];
  });
}

/** Mustache tags that print something, and are not one of the allowed helper calls. */
function badOutputs(source: string): string[] {
  const tags = source.match(/\{\{\{?[^}]*\}?\}\}/g) ?? [];
  return tags.filter((tag) => {
    if (/^\{\{~?\s*(!|#|\/|else\b|>)/.test(tag)) return false;
    const triple = /^\{\{\{~?\s*(\S+)/.exec(tag);
    return !(triple && tag.endsWith('}}}') && (OUTPUT_HELPERS as readonly string[]).includes(triple[1]));
  });
}

describe('docs templates', () => {
  const files = templates(templatesDir());

  it('exist for the README, the tag pages and the model pages', () => {
    const names = files.map((f) => path.relative(templatesDir(), f).split(path.sep).join('/')).sort();
    expect(names).toEqual(expect.arrayContaining(['docs/api.md.hbs', 'docs/model.md.hbs', 'readme.md.hbs']));
  });

  it.each(files.map((f) => [path.basename(f), f]))('%s prints values only through the Markdown helpers', (_name, file) => {
    expect(badOutputs(fs.readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('the lint itself rejects bare and raw outputs', () => {
    expect(badOutputs('{{title}} {{{title}}} {{{mdText title}}} {{#each x}}{{/each}} {{! note }}')).toEqual(['{{title}}', '{{{title}}}']);
  });

  it('the md helper refuses a plain string, and strict mode a missing field', () => {
    const model = { typeName: 'X', fileName: 'X', specName: '', title: '', description: '', nullable: 'no', properties: [], additional: null, enumValues: [], inputName: '' };
    expect(() => render('model', { ...model, type: '<script>' })).toThrow(/md helper/);
    expect(() => render('model', { typeName: 'X' })).toThrow();
  });
});
