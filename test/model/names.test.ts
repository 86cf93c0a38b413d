import { describe, expect, it } from 'vitest';
import { camelCase, commentText, fileStem, pascalCase, propertyKey, stringLiteral, uniqueNames } from '../../generator/model/names.js';

describe('naming module', () => {
  it.each([
    ['make call', 'makeCall', 'MakeCall'],
    ['listAllCalls', 'listAllCalls', 'ListAllCalls'],
    ['SMSMessages', 'smsMessages', 'SMSMessages'],
    ['delete_recording_media', 'deleteRecordingMedia', 'DeleteRecordingMedia'],
    ['2fa codes', '_2faCodes', '_2faCodes'],
    ['class', 'class_', 'Class'],
    ['constructor', 'constructor_', 'Constructor'],
    ['__proto__', 'proto', 'Proto'],
    ['toString', 'toString_', 'ToString'],
    ['string', 'string_', 'String_'],
    ['日本語', 'fallback', 'Fallback'],
    ['', 'fallback', 'Fallback'],
    ['../../x', 'x', 'X'],
  ])('%j → camel %s, pascal %s', (raw, camel, pascal) => {
    expect(camelCase(raw, 'fallback')).toBe(camel);
    expect(pascalCase(raw, 'Fallback')).toBe(pascal);
  });

  it('resolves clashes deterministically, whatever the input order', () => {
    const a = uniqueNames(['pet', 'Pet', 'pet!', 'PET'], (r) => pascalCase(r, 'X'));
    const b = uniqueNames(['PET', 'pet!', 'Pet', 'pet'], (r) => pascalCase(r, 'X'));
    expect([...a.entries()].sort()).toEqual([...b.entries()].sort());
    expect(new Set(a.values()).size).toBe(4);
    expect(a.get('PET')).toBe('PET');
    expect(a.get('Pet')).toBe('Pet2');
  });

  it('keeps names unique case-insensitively (they become file names too)', () => {
    const names = uniqueNames(['Call', 'call'], (r) => pascalCase(r, 'X'));
    expect(names.get('Call')).toBe('Call');
    expect(names.get('call')).toBe('Call2');
  });

  it.each(['../../x', '/abs', '%2e%2e/', 'a\\b', '..', '.hidden', 'C:evil'])('file stems never carry path syntax: %j', (raw) => {
    const stem = fileStem(pascalCase(raw, 'Model'), 'Model');
    expect(stem).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]*$/);
  });

  it('quotes property keys that are not plain identifiers, including __proto__', () => {
    expect(propertyKey('api_id')).toBe('api_id');
    expect(propertyKey('end_time__gt')).toBe('end_time__gt');
    expect(propertyKey('Content-Type')).toBe('"Content-Type"');
    expect(propertyKey('__proto__')).toBe('"__proto__"');
    expect(propertyKey('a"b')).toBe('"a\\"b"');
  });

  it('string literals survive quotes, backslashes, ${…} and line separators', () => {
    const hostile = 'a"b\\c${process.exit()}`\u2028\n';
    expect(eval(stringLiteral(hostile))).toBe(hostile);
    expect(stringLiteral(hostile)).not.toMatch(/\u2028|\n/);
  });

  it('comment text cannot close the comment', () => {
    const text = commentText('ends here */ alert(1) /* and\r\nnext');
    expect(text).not.toContain('*/');
    expect(text).toBe('ends here *\\/ alert(1) /* and\nnext');
  });
});
