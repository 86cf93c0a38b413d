/**
 * A spec whose client files put every construct the client prints near the
 * 100-column line, on both sides of it: unions of many widths (as type
 * aliases, properties, type arguments, nested), intersections, inline and
 * nullable objects, long names for tags, operations, parameters, options and
 * the client class, long paths and media types in the wire descriptors, and
 * comments with Markdown hard breaks. `layout.test.ts` checks that the client
 * claims these files formatted and that prettier agrees.
 */
type Obj = Record<string, unknown>;

/** `count` words of `width` characters: `aaaa`, `bbbb`, … */
function words(count: number, width: number, seed = 0): string[] {
  return Array.from({ length: count }, (_, i) => String.fromCharCode(97 + ((i + seed) % 26)).repeat(width) + (i >= 26 ? String(i) : ''));
}

/** A name of exactly `width` characters, starting with `prefix`. */
function named(prefix: string, width: number): string {
  return (prefix + 'x'.repeat(Math.max(0, width - prefix.length))).slice(0, Math.max(width, prefix.length));
}

export function layoutSpec(): Obj {
  const schemas: Obj = {};
  // Unions of string literals whose one-line form is 80 to 120 columns wide, as aliases and as properties.
  for (let width = 3; width <= 12; width++) {
    for (const count of [6, 7, 8, 9]) schemas[`Enum${width}x${count}`] = { type: 'string', enum: words(count, width) };
  }
  schemas.NullableEnum = { type: 'string', nullable: true, enum: words(9, 9) };
  schemas.NumberEnum = { type: 'number', enum: [1e21, 0.5, -3, 12345678901234567890, 1.5e-7, 100, 2000000, 3e300] };
  schemas.Long = { type: 'object', properties: { id: { type: 'string' } } };
  const refs = ['Long', 'NullableEnum', 'NumberEnum'];
  const models: string[] = [];
  // Objects whose properties hold those unions under names of many widths, arrays and maps of them, nested objects.
  for (let width = 1; width <= 40; width += 3) {
    const properties: Obj = {};
    for (const [i, enumName] of Object.keys(schemas).filter((k) => k.startsWith('Enum')).entries()) {
      properties[named(`p${i}`, width)] = i % 3 === 0 ? { $ref: `#/components/schemas/${enumName}` } : { type: 'string', enum: words(7 + (i % 3), 3 + (i % 10)) };
    }
    properties[named('list', width)] = { type: 'array', items: { type: 'string', enum: words(7, width % 12 + 3) } };
    properties[named('map', width)] = { type: 'object', additionalProperties: { type: 'string', enum: words(6, width % 9 + 4) } };
    properties[named('mapOfObjects', width)] = { type: 'object', additionalProperties: { type: 'object', properties: { a: { type: 'string' } } } };
    properties[named('nested', width)] = {
      type: 'object',
      description: `Nested ${width}.  \nHard break above, blank line below.\n\nEnd.`,
      properties: { [named('inner', width)]: { type: 'string', enum: words(8, 8), description: 'One line.' }, 'quoted-key': { type: 'integer', nullable: true } },
      additionalProperties: true,
    };
    properties[named('nullableObject', width)] = { type: 'object', nullable: true, properties: { a: { type: 'string' } } };
    properties[named('oneOfRefs', width)] = { oneOf: refs.map((r) => ({ $ref: `#/components/schemas/${r}` })) };
    properties[named('oneOfObjects', width)] = { oneOf: [{ type: 'object', properties: { a: { type: 'string' } } }, { type: 'string', enum: words(5, 10) }] };
    properties[named('nestedUnion', width)] = { nullable: true, oneOf: [{ type: 'string', enum: words(4, width % 7 + 5) }, { type: 'number' }] };
    properties[named('allOf', width)] = { allOf: [{ $ref: '#/components/schemas/Long' }, { type: 'object', properties: { b: { type: 'string' } } }] };
    models.push(named(`Model${width}`, 10 + width));
    schemas[models.at(-1)!] = { type: 'object', required: Object.keys(properties).filter((_, i) => i % 2 === 0), properties };
    // The same shapes as type aliases.
    schemas[named(`Alias${width}`, 10 + width)] = { oneOf: [{ $ref: '#/components/schemas/Long' }, { type: 'string', enum: words(6, width % 15 + 2) }] };
    schemas[named(`Intersection${width}`, 14 + width)] = { allOf: refs.map((r) => ({ $ref: `#/components/schemas/${r}` })) };
    schemas[named(`ArrayAlias${width}`, 12 + width)] = { type: 'array', items: { oneOf: [{ $ref: '#/components/schemas/Long' }, { type: 'string', enum: words(5, width % 13 + 4) }] } };
    schemas[named(`RecordAlias${width}`, 12 + width)] = { type: 'object', additionalProperties: { type: 'string', enum: words(6, width % 11 + 4) } };
  }

  const paths: Obj = {};
  const ok = (schema: Obj) => ({ description: 'ok', content: { 'application/json': { schema } } });
  for (let width = 8; width <= 96; width += 4) {
    const tag = named(`Tag${width}`, width);
    const params = words(6, Math.max(3, width % 20)).map((name, i) => ({ name: `${name}${i}`, in: i % 3 === 2 ? 'header' : 'query', explode: i % 2 === 0, schema: { type: 'string' } }));
    paths[`/${named('items', width)}/{itemId}`] = {
      parameters: [{ name: 'itemId', in: 'path', required: true, schema: { type: 'string' } }],
      get: {
        operationId: named('get', width),
        tags: [tag],
        summary: `Get ${width}`,
        parameters: params,
        responses: {
          '200': ok({ $ref: `#/components/schemas/${models[width % models.length]}` }),
          '202': { description: 'accepted', content: { 'text/plain': { schema: { type: 'string' } }, 'application/json': { schema: { oneOf: refs.map((r) => ({ $ref: `#/components/schemas/${r}` })) } } } },
          default: ok({ $ref: '#/components/schemas/Long' }),
        },
      },
      post: {
        operationId: named('download', width),
        tags: [tag],
        requestBody: { required: width % 8 === 0, content: { 'application/json': { schema: { $ref: '#/components/schemas/Long' } } } },
        responses: { '200': { description: 'file', content: Object.fromEntries(words(1 + (width % 5), 12).map((w) => [`application/${w}`, { schema: { type: 'string', format: 'binary' } }])) } },
      },
    };
    paths[`/${named('lists', width)}`] = {
      get: {
        operationId: named('list', width),
        tags: [tag],
        parameters: [
          { name: 'page', in: 'query', schema: { type: 'integer' } },
          { name: 'size', in: 'query', schema: { type: 'integer' } },
        ],
        'x-switchboard-pagination': { style: 'page', items: 'items', next: 'next', pageParam: 'page', pageSizeParam: 'size' },
        responses: { '200': ok({ type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Long' } }, next: { type: 'string', nullable: true } } }) },
      },
    };
  }
  paths['/async'] = {
    post: {
      operationId: 'startSomethingThatTakesAWhileAndCallsBackWhenItIsDoneWithAVeryLongName',
      tags: [named('Async', 60)],
      requestBody: {
        required: true,
        content: { 'application/json': { schema: { type: 'object', properties: { callback_url_with_a_long_name: { type: 'string' }, other: { type: 'string' } } } } },
      },
      responses: { '200': ok({ $ref: '#/components/schemas/Long' }) },
    },
  };

  return {
    openapi: '3.0.3',
    info: { title: 'Layout', version: '1.0.0' },
    servers: [{ url: `https://${'api.'.repeat(30)}example.com/v1` }],
    'x-switchboard-client': {
      className: named('LayoutClientWithAQuiteLongName', 64),
      credentials: {
        username: { option: 'usernameOptionWithALongName', env: 'LAYOUT_USERNAME_ENVIRONMENT_VARIABLE_WITH_A_LONG_NAME' },
        password: { option: 'passwordOptionWithALongName', env: 'LAYOUT_PASSWORD_ENVIRONMENT_VARIABLE_WITH_A_LONG_NAME' },
      },
    },
    'x-switchboard-errors': { schema: { $ref: '#/components/schemas/Long' }, message: 'id', requestId: 'id', code: 'id', type: 'id', moreInfo: 'id' },
    'x-switchboard-rate-limit': { requests: 300, windowSeconds: 5 },
    'x-switchboard-method-override': { param: '_method_with_a_long_name_to_push_the_line', via: 'POST', methods: ['PUT', 'DELETE', 'PATCH'] },
    'x-switchboard-async': { urlParam: 'callback_url_with_a_long_name', methodParam: 'callback_method', status: 202, response: ok({ $ref: '#/components/schemas/Long' }) },
    security: [{ basic: [] }],
    paths,
    components: { schemas, securitySchemes: { basic: { type: 'http', scheme: 'basic' } } },
  };
}
