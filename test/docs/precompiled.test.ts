/**
 * `npm run build` precompiles the docs templates into dist/; a run from dist
 * renders with them and the Handlebars runtime only. Both ways must give the
 * same pages, and a bundle built from other templates must be ignored.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docsEmitter } from '../../generator/emit/docs/index.js';
import { reloadTemplates, writePrecompiledTemplates } from '../../generator/emit/docs/render.js';
import { loadSpec } from '../../generator/load/index.js';
import { buildModel } from '../../generator/model/build.js';
import { packageRoot } from '../../generator/paths.js';

const BUNDLE = path.join(packageRoot(), 'dist', 'templates.precompiled.json');
const existing = fs.existsSync(BUNDLE) ? fs.readFileSync(BUNDLE) : undefined;

afterAll(() => {
  if (existing) fs.writeFileSync(BUNDLE, existing);
  else fs.rmSync(BUNDLE, { force: true });
  reloadTemplates();
});

async function pages(): Promise<Map<string, string>> {
  reloadTemplates();
  const model = buildModel(await loadSpec(path.join(packageRoot(), 'specs', 'plivo.yaml')));
  const files = await docsEmitter.emit(model);
  return new Map(files.map((f) => [f.path, String(f.content)]));
}

describe('precompiled docs templates', () => {
  it('render the same pages as templates compiled at run time', async () => {
    fs.rmSync(BUNDLE, { force: true });
    const compiled = await pages();
    writePrecompiledTemplates();
    const precompiled = await pages();
    expect(precompiled.size).toBeGreaterThan(10);
    expect([...precompiled]).toEqual([...compiled]);
  });

  it('are ignored when built from other templates', async () => {
    writePrecompiledTemplates();
    const bundle = JSON.parse(fs.readFileSync(BUNDLE, 'utf8'));
    // A stale bundle whose API page prints nothing: it must not be used.
    const empty = JSON.parse(fs.readFileSync(BUNDLE, 'utf8')).templates.model;
    fs.writeFileSync(BUNDLE, JSON.stringify({ ...bundle, hash: 'stale', templates: { ...bundle.templates, api: empty } }));
    const rendered = await pages();
    expect([...rendered.keys()].some((p) => /^docs\/\w+Api\.md$/.test(p))).toBe(true);
    expect(rendered.get('docs/CallsApi.md')).toContain('makeCall');
  });
});
