/**
 * The spec every table case starts from: small, but with one of each thing a
 * rule looks at (params in every place, bodies in two media types, paging,
 * async, a public operation, models read, sent, and unused).
 */
export type Spec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const errors = {
  '401': { description: 'Bad credentials.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  '404': { description: 'Not found.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
};

export function baseSpec(): Spec {
  return {
    openapi: '3.1.0',
    info: { title: 'Calls API', version: '1.2.3', description: 'Places and lists calls.' },
    servers: [{ url: 'https://api.example.com/v1' }],
    security: [{ basic: [] }],
    'x-switchboard-client': {
      className: 'CallsClient',
      credentials: { username: { option: 'accountId', env: 'CALLS_ACCOUNT_ID' }, password: { option: 'token', env: 'CALLS_TOKEN' } },
    },
    'x-switchboard-errors': { schema: { $ref: '#/components/schemas/Error' }, message: 'message' },
    'x-switchboard-rate-limit': { requests: 10, windowSeconds: 1 },
    tags: [{ name: 'Calls', description: 'Calls.' }, { name: 'Status' }],
    paths: {
      '/calls': {
        get: {
          operationId: 'listCalls',
          tags: ['Calls'],
          summary: 'List calls',
          description: 'Newest first.',
          parameters: [
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 }, example: 10 },
            { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0 } },
            { name: 'direction', in: 'query', description: 'Only calls in this direction.', schema: { type: 'string', enum: ['inbound', 'outbound'] } },
            { name: 'region', in: 'query', required: true, schema: { type: 'string' } },
            { name: 'fields', in: 'query', schema: { type: 'array', items: { type: 'string' } } },
          ],
          'x-switchboard-pagination': { style: 'offset', items: 'objects', next: 'meta.next', limitParam: 'limit', offsetParam: 'offset' },
          responses: { '200': { description: 'A page of calls.', content: { 'application/json': { schema: { $ref: '#/components/schemas/CallList' } } } }, ...errors },
        },
        post: {
          operationId: 'createCall',
          tags: ['Calls'],
          summary: 'Place a call',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateCall' } } } },
          responses: { '201': { description: 'Placed.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Call' } } } }, ...errors },
        },
      },
      '/calls/{id}': {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        get: {
          operationId: 'getCall',
          tags: ['Calls'],
          summary: 'Get a call',
          responses: { '200': { description: 'The call.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Call' } } } }, ...errors },
        },
        post: {
          operationId: 'updateCall',
          tags: ['Calls'],
          summary: 'Update a call',
          requestBody: {
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/UpdateCall' } },
              'application/x-www-form-urlencoded': { schema: { $ref: '#/components/schemas/UpdateCall' } },
            },
          },
          responses: { '200': { description: 'Updated.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Call' } } } }, ...errors },
        },
        delete: {
          operationId: 'deleteCall',
          tags: ['Calls'],
          summary: 'Hang up',
          responses: {
            '202': { description: 'Hanging up.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Ack' } } } },
            '204': { description: 'Hung up.' },
            ...errors,
          },
        },
      },
      '/calls/{id}/events': {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        get: {
          operationId: 'listEvents',
          tags: ['Calls'],
          summary: 'List call events',
          deprecated: true,
          parameters: [{ name: 'page', in: 'query', schema: { type: 'integer' } }],
          responses: { '200': { description: 'Events.', content: { 'application/json': { schema: { $ref: '#/components/schemas/EventList' } } } } },
        },
      },
      '/status': {
        get: {
          operationId: 'getStatus',
          tags: ['Status'],
          summary: 'Service status',
          security: [],
          responses: { '200': { description: 'Up.', content: { 'application/json': { schema: { type: 'object', required: ['ok'], properties: { ok: { type: 'boolean' } } } } } } },
        },
      },
    },
    components: {
      securitySchemes: { basic: { type: 'http', scheme: 'basic' } },
      schemas: {
        Call: {
          type: 'object',
          description: 'A call.',
          required: ['id', 'status', 'to', 'duration'],
          properties: {
            id: { type: 'string', readOnly: true },
            status: { type: 'string', enum: ['queued', 'ringing', 'completed', 'failed'] },
            to: { type: 'string', description: 'Called number.' },
            from: { type: 'string' },
            duration: { type: 'integer' },
            answered_at: { type: ['string', 'null'], format: 'date-time' },
            channel: { oneOf: [{ $ref: '#/components/schemas/Phone' }, { $ref: '#/components/schemas/Sip' }] },
          },
        },
        CreateCall: {
          type: 'object',
          required: ['to', 'answer_url'],
          properties: {
            to: { type: 'string' },
            from: { type: 'string' },
            answer_url: { type: 'string', format: 'uri' },
            method: { type: 'string', enum: ['GET', 'POST'] },
            record: { type: 'boolean' },
            timeout: { type: 'integer', maximum: 120 },
            channel: { oneOf: [{ $ref: '#/components/schemas/Phone' }, { $ref: '#/components/schemas/Sip' }] },
            metadata: { type: 'object', properties: { source: { type: 'string' } }, additionalProperties: true },
            callback_url: { type: 'string' },
          },
        },
        UpdateCall: { type: 'object', properties: { state: { type: 'string', enum: ['completed'] }, note: { type: 'string' } } },
        CallList: {
          type: 'object',
          required: ['objects', 'meta'],
          properties: {
            objects: { type: 'array', items: { $ref: '#/components/schemas/Call' } },
            meta: { type: 'object', required: ['next'], properties: { next: { type: ['string', 'null'] } } },
          },
        },
        EventList: { type: 'object', required: ['events'], properties: { events: { type: 'array', items: { type: 'string' } }, next: { type: ['string', 'null'] } } },
        Phone: { type: 'object', required: ['number'], properties: { number: { type: 'string' } } },
        Sip: { type: 'object', required: ['uri'], properties: { uri: { type: 'string' } } },
        Ack: { type: 'object', required: ['api_id'], properties: { api_id: { type: 'string' } } },
        Error: { type: 'object', required: ['message'], properties: { message: { type: 'string' } } },
        Legacy: { type: 'object', properties: { old_id: { type: 'string' } } },
      },
    },
  };
}

/** The operation object at `path` and `method`. */
export function op(spec: Spec, path: string, method: string): Spec {
  return spec.paths[path][method];
}

/** A named schema. */
export function schema(spec: Spec, name: string): Spec {
  return spec.components.schemas[name];
}

/** A parameter of `listCalls` by name. */
export function listParam(spec: Spec, name: string): Spec {
  return op(spec, '/calls', 'get').parameters.find((p: Spec) => p.name === name);
}
