/**
 * `src/client.ts` (the client class with one property per tag, its options
 * and the API facts the runtime needs) and `src/index.ts` (the package entry).
 */
import { StructureKind, type CodeBlockWriter, VariableDeclarationKind, type ExportDeclarationStructure, type PropertySignatureStructure, type StatementStructures, type WriterFunction } from 'ts-morph';
import { commentText, propertyKey, stringLiteral } from '../../model/names.js';
import type { ApiModel } from '../../model/types.js';
import { semver } from '../package/index.js';
import { GENERATED_HEADER, printSourceFile } from '../ts.js';
import { docOf } from './operation-types.js';
import { RUNTIME_TYPES, RUNTIME_VALUES, resourceList, type ClientNames, type ClientSettings } from './client-names.js';

/** The text of `src/client.ts`. */
export function emitClient(model: ApiModel, names: ClientNames, settings: ClientSettings): string {
  const resources = resourceList(model, names);
  const statements: (StatementStructures | WriterFunction)[] = [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './runtime/index.js', namespaceImport: 'rt' },
    ...resources.map(({ tag, className }) => ({
      kind: StructureKind.ImportDeclaration as const,
      moduleSpecifier: `./resources/${tag.fileName}.js`,
      namedImports: [className],
    })),
    (writer: CodeBlockWriter) => writer.blankLineIfLastNot(),
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      docs: ['What the runtime needs to know about this API.'],
      declarations: [{ name: 'api', type: 'rt.ApiConfig', initializer: apiConfigText(model, settings) }],
    },
    { kind: StructureKind.Interface, name: names.optionsName, isExported: true, extends: ['rt.ClientOptions'], docs: [`Options of {@link ${names.className}}.`], properties: optionProperties(model, settings) },
    {
      kind: StructureKind.Class,
      name: names.className,
      isExported: true,
      extends: `rt.BaseClient<${names.optionsName}>`,
      docs: [classDocs(model, names, settings)],
      properties: resources.map(({ tag, className }) => ({
        name: tag.propertyName,
        isReadonly: true,
        type: className,
        initializer: `new ${className}(this)`,
        docs: tag.description ? [docOf(tag.description)!] : undefined,
      })),
      ctors: [{ parameters: [{ name: 'options', type: names.optionsName, initializer: '{}' }], statements: ['super(options, api);'] }],
    },
  ];
  return `${GENERATED_HEADER}${printSourceFile({ statements })}`;
}

function apiConfigText(model: ApiModel, settings: ClientSettings): string {
  const env = settings.settings.filter((s) => s.env).map((s) => `${propertyKey(s.option)}: ${stringLiteral(s.env!)}`);
  const errors = (['message', 'requestId', 'code', 'type', 'moreInfo'] as const).filter((k) => model.errors[k]).map((k) => `${k}: ${stringLiteral(model.errors[k]!)}`);
  const fields = [
    `baseUrl: ${stringLiteral(model.servers[0]?.url ?? 'http://localhost')}`,
    `userAgent: ${stringLiteral(`${model.packageName.replace(/^@/, '').replace(/\//g, '-')}/${semver(model.version)}`)}`,
    `env: { ${env.join(', ')} }`,
    ...(settings.basic ? [`basic: [${settings.basic.map(stringLiteral).join(', ')}]`] : []),
    `errors: { ${errors.join(', ')} }`,
  ];
  if (model.rateLimit) fields.push(`rateLimit: { requests: ${model.rateLimit.requests}, windowSeconds: ${model.rateLimit.windowSeconds} }`);
  const mo = model.methodOverride;
  if (mo) fields.push(`methodOverride: { param: ${stringLiteral(mo.param)}, via: ${stringLiteral(mo.via)}, methods: [${mo.methods.map(stringLiteral).join(', ')}] }`);
  return `{\n${fields.join(',\n')}\n}`;
}

function optionProperties(model: ApiModel, settings: ClientSettings): PropertySignatureStructure[] {
  const props: PropertySignatureStructure[] = settings.settings.map((s) => ({
    kind: StructureKind.PropertySignature,
    name: propertyKey(s.option),
    hasQuestionToken: true,
    type: 'string',
    docs: [commentText(`${s.doc}${s.env ? ` Defaults to the \`${s.env}\` environment variable.` : ''}`)],
  }));
  if (model.rateLimit) {
    const { requests, windowSeconds } = model.rateLimit;
    props.push({ kind: StructureKind.PropertySignature, name: 'rateLimit', hasQuestionToken: true, type: 'boolean | rt.RateLimit', docs: [`Keep to a request rate: \`true\` for the API's documented limit of ${requests} requests per ${windowSeconds} s, or a limit of your own.`] });
  }
  if (model.methodOverride) {
    const mo = model.methodOverride;
    const text = `Send ${mo.methods.join(' and ')} as \`${mo.via} ?${mo.param}=<method>\`, for networks that only pass GET and POST.`;
    props.push({ kind: StructureKind.PropertySignature, name: 'methodOverride', hasQuestionToken: true, type: 'boolean', docs: [commentText(text)] });
  }
  return props;
}

function classDocs(model: ApiModel, names: ClientNames, settings: ClientSettings): string {
  const lines = [commentText(`The ${model.title} client.`)];
  const envs = settings.settings.flatMap((s) => (s.env ? [s.env] : []));
  if (envs.length) lines.push(`Options not given fall back to the environment: ${envs.join(', ')}.`);
  const tag = model.tags[0];
  const op = tag?.operations[0];
  if (tag && op) {
    lines.push('', '@example', '```ts', `const client = new ${names.className}();`, `const result = await client.${tag.propertyName}.${op.methodName}({ … });`, '```');
  }
  return lines.join('\n');
}

/** The text of `src/index.ts`: the client, the runtime's public names, every resource and model type. */
export function emitIndex(model: ApiModel, names: ClientNames): string {
  const exports: ExportDeclarationStructure[] = [
    exportFrom('./client.js', [names.className, { name: names.className, alias: 'default' }, { name: names.optionsName, isTypeOnly: true }]),
    exportFrom('./runtime/index.js', [...RUNTIME_VALUES, ...RUNTIME_TYPES.map((name) => ({ name, isTypeOnly: true }))]),
  ];
  for (const { tag, className } of resourceList(model, names)) {
    const types = tag.operations.flatMap((op) => {
      const n = names.operations.get(op)!;
      return [n.params, n.responses, n.result].map((name) => ({ name, isTypeOnly: true }));
    });
    exports.push(exportFrom(`./resources/${tag.fileName}.js`, [className, ...types]));
  }
  const models = [...names.modelExports].map(([name, alias]) => (alias === name ? { name } : { name, alias }));
  if (models.length) exports.push({ ...exportFrom('./models.js', models), isTypeOnly: true });
  return `${GENERATED_HEADER}${printSourceFile({ statements: exports })}`;
}

type Named = string | { name: string; alias?: string; isTypeOnly?: boolean };

function exportFrom(moduleSpecifier: string, named: Named[]): ExportDeclarationStructure {
  return { kind: StructureKind.ExportDeclaration, moduleSpecifier, namedExports: named.map((n) => (typeof n === 'string' ? { name: n } : n)) };
}
