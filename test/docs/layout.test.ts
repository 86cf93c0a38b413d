/**
 * The reference docs of the three packages follow the seed's layout: every
 * operation appears in exactly one tag page, with every section; every
 * relative link resolves; and Bandwidth's RecordingsApi.md has the seed's
 * method table, sections and status codes. Unlike the seed, a page shows its
 * set-up once and the error statuses its operations share in one table.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { APIS, readGenerated, REPO, type Built } from './build.js';
import { anchors, links, outline, type Section } from './markdown-tools.js';

const SECTIONS = ['Example', 'Parameters', 'Return type', 'Authorization', 'HTTP request headers', 'HTTP response details'];
/** Our sections: the seed's, with the example response body after the example (for operations that return one). */
const sectionsOf = (withBody: boolean) => (withBody ? ['Example', 'Example response', ...SECTIONS.slice(1)] : SECTIONS);
/** The page's own sections, before its operations. */
const PAGE_SECTIONS = ['Set-up', 'Errors'];
const RESPONSE_HEADER = ['Status code', 'Description', 'Body', 'Response headers'];
const ERROR_HEADER = ['Status code', 'Error class', 'Description', 'Body', 'Response headers'];
const BACK_LINKS = ['#', '../README.md#documentation-for-api-endpoints', '../README.md#documentation-for-models', '../README.md'];

let packages: Built[] = [];
beforeAll(() => {
  packages = APIS.map(readGenerated);
});

/** Operation sections of a tag page: each level-2 heading after the page's own, with the sections up to the next one. */
function operations(text: string): { title: string; parts: Section[] }[] {
  const out: { title: string; parts: Section[] }[] = [];
  for (const s of outline(text)) {
    if (s.level === 2 && !(out.length === 0 && PAGE_SECTIONS.includes(s.title))) out.push({ title: s.title, parts: [s] });
    else if (s.level > 2 && out.length) out.at(-1)!.parts.push(s);
  }
  return out;
}

/** A page's shared error table: its rows by status (none when the page has no Errors section). */
function sharedErrors(text: string): Map<string, string[]> {
  const section = outline(text).find((s) => s.level === 2 && s.title === 'Errors');
  if (!section) return new Map();
  expect(section.tables[0][0]).toEqual(ERROR_HEADER);
  return new Map(section.tables[0].slice(1).map((row) => [row[0], row]));
}

/**
 * Every status row an operation is documented with, as `[status, description, headers]`:
 * its successes and its own errors, and the page's shared errors it does not restate.
 */
function statusRows(text: string, op: { parts: Section[] }): string[][] {
  const details = op.parts.find((p) => p.title === 'HTTP response details')!;
  const [successes, errors = []] = details.tables;
  const own = [...successes.slice(1).map((r) => [r[0], r[1], r[3]]), ...errors.slice(1).map((r) => [r[0], r[2], r[4]])];
  const linksShared = details.inlines.some((i) => links(i.content).includes('#errors'));
  const shared = linksShared ? [...sharedErrors(text).values()].filter((r) => !own.some((o) => o[0] === r[0])).map((r) => [r[0], r[2], r[4]]) : [];
  return [...own, ...shared];
}

const tagPages = (b: Built) => [...b.markdown].filter(([file]) => /^docs\/[^/]+\.md$/.test(file));

describe('tag pages', () => {
  it('list every operation in exactly one page: the page of its tag', () => {
    for (const b of packages) {
      const seen = tagPages(b).flatMap(([file, text]) => operations(text).map((op) => `${file}#${op.title}`));
      const expected = b.model.tags.flatMap((t) => t.operations.map((op) => `docs/${t.fileName}Api.md#${op.methodName}`));
      expect(seen.sort()).toEqual(expected.sort());
      expect(new Set(seen).size).toBe(b.model.operations.length);
    }
  });

  it('give every operation all of the seed layout sections, in order, and the back links', () => {
    for (const b of packages) {
      for (const [file, text] of tagPages(b)) {
        for (const op of operations(text)) {
          const where = `${b.model.name} ${file} ${op.title}`;
          const part = (title: string) => op.parts.find((p) => p.title === title)!;
          const withBody = op.parts.some((p) => p.title === 'Example response');
          expect(op.parts.slice(1).map((p) => p.title), where).toEqual(sectionsOf(withBody));
          expect(op.parts[0].paragraphs.some((p) => p.startsWith(`client.`)), `${where}: signature`).toBe(true);
          expect(part('Example').fences.map((f) => f.info), `${where}: example`).toEqual(['ts']);
          const params = part('Parameters');
          expect(params.tables.length ? params.tables[0][0] : params.paragraphs, where).toEqual(
            params.tables.length ? ['Name', 'Type', 'Description', 'Notes'] : ['This endpoint does not need any parameter.'],
          );
          const details = part('HTTP response details');
          expect(details.tables.map((t) => t[0]), where).toEqual([RESPONSE_HEADER, ERROR_HEADER].slice(0, details.tables.length));
          const last = details.inlines.at(-1);
          expect(links(last?.content ?? ''), where).toEqual(BACK_LINKS);
        }
      }
    }
  });

  it('have a status-code row per response of the operation, shared or its own, and Retry-After where the spec declares it', () => {
    for (const b of packages) {
      for (const tag of b.model.tags) {
        const text = b.markdown.get(`docs/${tag.fileName}Api.md`)!;
        const ops = operations(text);
        for (const op of tag.operations) {
          const rows = statusRows(text, ops.find((o) => o.title === op.methodName)!);
          const byStatus = new Map(rows.map((r) => [r[0], r]));
          expect(rows.map((r) => r[0]).sort(), op.methodName).toEqual(op.responses.map((r) => r.status).sort());
          for (const r of op.responses) expect(byStatus.get(r.status)![2].includes('Retry-After')).toBe(r.headers.some((h) => h.name === 'Retry-After'));
        }
      }
    }
  });
});

describe('links', () => {
  it('every relative link of every generated Markdown file resolves to a file and a heading', () => {
    for (const b of packages) {
      const anchorsOf = new Map<string, Set<string>>();
      const headingsOf = (file: string) => anchorsOf.get(file) ?? anchorsOf.set(file, anchors(b.markdown.get(file)!)).get(file)!;
      for (const [file, text] of b.markdown) {
        for (const href of links(text)) {
          if (/^https?:/.test(href)) continue;
          const [target, anchor] = href.split('#');
          const resolved = target === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
          expect(b.markdown.has(resolved), `${b.model.name}/${file} → ${href}`).toBe(true);
          if (anchor) expect(headingsOf(resolved).has(anchor), `${b.model.name}/${file} → ${href}`).toBe(true);
        }
      }
    }
  });

  it('the README links every operation and every model', () => {
    for (const b of packages) {
      const readme = links(b.markdown.get('README.md')!);
      for (const tag of b.model.tags) for (const op of tag.operations) expect(readme).toContain(`docs/${tag.fileName}Api.md#${op.methodName.toLowerCase()}`);
      for (const s of b.model.schemas) expect(readme).toContain(`docs/models/${s.fileName}.md`);
    }
  });
});

/** The seed: a rendered OpenAPI Generator page, one text line per table row. */
function readSeed(): { methods: string[]; ops: Map<string, { sections: string[]; statuses: string[] }> } {
  const lines = fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'seeds', 'bandwidth-recordings-api.md'), 'utf8').split('\n');
  const camel = (s: string) => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
  const methods = lines.map((l) => /^([a-z_]+) (GET|POST|PUT|DELETE|PATCH) (\S+) (.+)$/.exec(l)).filter((m) => m !== null);
  const names = new Set(methods.map((m) => m[1]));
  const ops = new Map<string, { sections: string[]; statuses: string[] }>();
  let current: { sections: string[]; statuses: string[] } | undefined;
  for (const line of lines) {
    if (names.has(line)) ops.set(camel(line), (current = { sections: [], statuses: [] }));
    else if (current && (SECTIONS.includes(line) || line.startsWith('[Back to top]'))) current.sections.push(line.startsWith('[') ? 'back links' : line);
    else if (current && /^\d{3} /.test(line)) current.statuses.push(line.replace(/^(\d{3}) (.*?) (?:-|\* (.+))$/, '$1 | $2 | $3').replace(/ \| $/, ' | -'));
  }
  return { methods: methods.map((m) => `${camel(m[1])} | ${m[2]} ${m[3]} | ${m[4]}`), ops };
}

describe('Bandwidth RecordingsApi.md against the seed', () => {
  it('has the seed method table, sections and status-code tables', () => {
    const seed = readSeed();
    expect(seed.methods).toHaveLength(10);
    const text = packages.find((b) => b.model.name === 'bandwidth')!.markdown.get('docs/RecordingsApi.md')!;
    const table = outline(text).find((s) => s.level === 1)!.tables[0];
    expect(table[0]).toEqual(['Method', 'HTTP request', 'Description']);
    expect(table.slice(1).map((r) => r.join(' | ')).sort()).toEqual([...seed.methods].sort());
    const ours = operations(text);
    expect(ours.map((o) => o.title).sort()).toEqual([...seed.ops.keys()].sort());
    for (const op of ours) {
      const want = seed.ops.get(op.title)!;
      const details = op.parts.find((p) => p.title === 'HTTP response details')!;
      const backLinks = details.inlines.some((i) => links(i.content).includes('#'));
      const sections = op.parts.slice(1).map((p) => p.title).filter((t) => t !== 'Example response');
      expect([...sections, ...(backLinks ? ['back links'] : [])], op.title).toEqual(want.sections);
      const rows = statusRows(text, op).map((r) => r.join(' | '));
      expect(rows.sort(), op.title).toEqual([...want.statuses].sort());
    }
  });
});
