/**
 * printSourceFile prints structures without parsing the result; its text must
 * be exactly what ts-morph's `createSourceFile(path, structure)` holds.
 */
import { IndentationText, NewLineKind, Project, QuoteKind, StructureKind, VariableDeclarationKind, type OptionalKind, type SourceFileStructure } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { printSourceFile } from '../../generator/emit/ts.js';

const structure: OptionalKind<SourceFileStructure> = {
  statements: [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './models.js', namedImports: ['Pet', 'PetInput'], isTypeOnly: true },
    {
      kind: StructureKind.Interface,
      name: 'Thing',
      isExported: true,
      docs: [{ description: 'A thing.\n', tags: [{ tagName: 'example', text: '"x"' }] }],
      properties: [
        { name: 'id', type: 'string', docs: [{ description: 'The id.' }] },
        { name: "'odd-key'", type: "'a' | 'b'", hasQuestionToken: true },
      ],
    },
    { kind: StructureKind.TypeAlias, name: 'Id', isExported: true, type: 'string | number' },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name: 'table', initializer: "{ a: 1, 'b-c': [1, 2] } as const" }],
    },
    {
      kind: StructureKind.Class,
      name: 'Client',
      isExported: true,
      methods: [{ name: 'get', isAsync: true, parameters: [{ name: 'id', type: 'string' }], returnType: 'Promise<Thing>', statements: ['return fetchThing(id);'] }],
    },
    'export {};',
  ],
};

describe('printSourceFile', () => {
  it('prints the same text as ts-morph creating the file', () => {
    const project = new Project({
      useInMemoryFileSystem: true,
      manipulationSettings: { indentationText: IndentationText.TwoSpaces, newLineKind: NewLineKind.LineFeed, quoteKind: QuoteKind.Single, useTrailingCommas: true },
    });
    const expected = project.createSourceFile('/expected.ts', structure).getFullText();
    expect(expected).toContain('export interface Thing');
    expect(printSourceFile(structure)).toBe(expected);
    // Printing again gives the same bytes (no state carried between files).
    expect(printSourceFile(structure)).toBe(expected);
  });
});
