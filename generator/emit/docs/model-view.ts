/**
 * The view of one model page (`docs/models/<Model>.md`): what the type is and,
 * for objects, a properties table with type, required, nullable, format and
 * description. Only TS type names and table cells built here are Markdown.
 */
import type { NamedSchema, ObjectSchemaNode, SchemaNode } from '../../model/types.js';
import { mdCode, mdInline, mdText } from './markdown.js';
import { md, type Markdown } from './markdown-value.js';
import { notesMarkdown, typeMarkdown, type LinkContext } from './type-markdown.js';

export interface PropertyRow {
  name: Markdown;
  type: Markdown;
  required: string;
  nullable: string;
  format: Markdown;
  description: Markdown;
  notes: Markdown;
}

export interface ModelView {
  /** Type name (also the file stem). */
  typeName: string;
  fileName: string;
  /** The schema's name in the spec, when it differs from the type name. */
  specName: string;
  title: string;
  description: string;
  /** What kind of type this is: `object`, or the type itself for the rest. */
  type: Markdown;
  nullable: string;
  properties: PropertyRow[];
  /** `Record<string, …>` extras of an object, if any. */
  additional: Markdown | null;
  enumValues: Markdown[];
  /** `<Name>Input`, the request-body variant without read-only properties, when there is one. */
  inputName: string;
}

/** Builds one model page's view. */
export function modelView(named: NamedSchema, links: LinkContext, resolve: (t: string) => SchemaNode | undefined): ModelView {
  const node = named.schema;
  const object = node.kind === 'object' ? node : undefined;
  const properties = allProperties(node, resolve, 0);
  return {
    typeName: named.typeName,
    fileName: named.fileName,
    specName: named.name === named.typeName ? '' : named.name,
    title: node.title ?? '',
    description: node.description ?? '',
    type: md(object ? mdCode('object', false) : typeMarkdown({ ...node, nullable: false }, links, false)),
    nullable: node.nullable ? 'yes' : 'no',
    properties: properties.map((p) => propertyRow(p, links, resolve)),
    additional: object ? additionalMarkdown(object, links) : null,
    enumValues: node.kind === 'enum' ? node.values.map((v) => md(mdCode(JSON.stringify(v), false))) : [],
    inputName: links.inputVariants.has(named.typeName) ? `${named.typeName}Input` : '',
  };
}

function propertyRow(p: Property, links: LinkContext, resolve: (t: string) => SchemaNode | undefined): PropertyRow {
  const s = p.schema;
  const target = s.kind === 'ref' ? resolve(s.target) : undefined;
  const format = s.format ?? target?.format;
  const notes = notesMarkdown(s, true, resolve);
  return {
    name: md(`**${mdText(p.name)}**`),
    type: md(typeMarkdown(s, links)),
    required: p.required ? 'yes' : 'no',
    nullable: s.nullable || target?.nullable ? 'yes' : 'no',
    format: md(format ? mdCode(format) : '-'),
    description: md(mdInline(s.description ?? target?.description ?? '', true) || '-'),
    notes: md(notes),
  };
}

type Property = ObjectSchemaNode['properties'][number];

/** The properties of an object, or of every object an `allOf` combines (through references); the first of a name wins. */
function allProperties(node: SchemaNode, resolve: (t: string) => SchemaNode | undefined, depth: number): Property[] {
  if (depth > 16) return [];
  let found: Property[] = [];
  if (node.kind === 'object') found = node.properties;
  else if (node.kind === 'intersection') found = node.parts.flatMap((p) => allProperties(p, resolve, depth + 1));
  else if (node.kind === 'ref' && depth > 0) {
    const target = resolve(node.target);
    found = target ? allProperties(target, resolve, depth + 1) : [];
  }
  const seen = new Set<string>();
  return found.filter((p) => !seen.has(p.name) && seen.add(p.name));
}

function additionalMarkdown(node: ObjectSchemaNode, links: LinkContext): Markdown | null {
  if (node.additional === false) return null;
  if (node.additional === true) return md(`any other property, of any type`);
  return md(`any other property, of type ${typeMarkdown(node.additional, links, false)}`);
}
