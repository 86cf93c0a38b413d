/**
 * The diff table: each case edits a copy of the base spec and says which bump
 * and which change codes the diff must report (exactly those codes).
 */
import { listParam, op, schema, type Spec } from './base-spec.js';

export interface DiffCase {
  name: string;
  /** An edit of the "before" side too (default: the base as it is). */
  before?: (spec: Spec) => void;
  change: (spec: Spec) => void;
  bump: 'major' | 'minor' | 'patch' | 'none';
  codes: string[];
}

const json = (ref: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } });
const calls = (s: Spec) => op(s, '/calls', 'get');
const create = (s: Spec) => op(s, '/calls', 'post');
const getCall = (s: Spec) => op(s, '/calls/{id}', 'get');
const update = (s: Spec) => op(s, '/calls/{id}', 'post');
const del = (s: Spec) => op(s, '/calls/{id}', 'delete');
const callProps = (s: Spec) => schema(s, 'Call').properties;
const createProps = (s: Spec) => schema(s, 'CreateCall').properties;

export const CASES: DiffCase[] = [
  { name: 'nothing changed', change: () => undefined, bump: 'none', codes: [] },
  { name: 'keys reordered only', change: (s) => (s.components.schemas.Call.properties = Object.fromEntries(Object.entries(callProps(s)).reverse())), bump: 'none', codes: [] },
  { name: 'info.version bumped only', change: (s) => (s.info.version = '9.9.9'), bump: 'none', codes: [] },
  // Operations
  { name: 'operation added', change: (s) => (s.paths['/calls/{id}'].put = { operationId: 'replaceCall', tags: ['Calls'], responses: { '204': { description: 'Done.' } } }), bump: 'minor', codes: ['operation-added'] },
  { name: 'operation removed', change: (s) => delete s.paths['/calls/{id}'].delete, bump: 'major', codes: ['operation-removed'] },
  { name: 'operation renamed (same method and path)', change: (s) => (getCall(s).operationId = 'fetchCall'), bump: 'major', codes: ['operation-renamed'] },
  { name: 'operation moved to another tag', change: (s) => (getCall(s).tags = ['Records']), bump: 'major', codes: ['operation-moved'] },
  {
    name: 'operation types renamed by a new clashing name',
    change: (s) => (s.paths['/a'] = { get: { operationId: 'GetCall', tags: ['Status'], responses: { '204': { description: 'Done.' } } } }),
    bump: 'major',
    codes: ['operation-added', 'operation-types-renamed'],
  },
  {
    name: 'path changed',
    change: (s) => {
      s.paths['/v2/calls/{id}/events'] = s.paths['/calls/{id}/events'];
      delete s.paths['/calls/{id}/events'];
    },
    bump: 'major',
    codes: ['path-changed'],
  },
  {
    name: 'method changed',
    change: (s) => {
      s.paths['/calls/{id}'].put = del(s);
      delete s.paths['/calls/{id}'].delete;
    },
    bump: 'major',
    codes: ['method-changed'],
  },
  { name: 'operation deprecated', change: (s) => (getCall(s).deprecated = true), bump: 'minor', codes: ['operation-deprecated'] },
  { name: 'operation no longer deprecated', change: (s) => delete op(s, '/calls/{id}/events', 'get').deprecated, bump: 'patch', codes: ['operation-undeprecated'] },
  { name: 'operationId changed, method name the same', change: (s) => (getCall(s).operationId = 'get_call'), bump: 'patch', codes: ['operation-id-changed'] },
  { name: 'summary changed', change: (s) => (getCall(s).summary = 'Fetch one call'), bump: 'patch', codes: ['summary-changed'] },
  { name: 'operation description changed', change: (s) => (calls(s).description = 'Oldest first.'), bump: 'patch', codes: ['description-changed'] },
  { name: 'parameter example changed', change: (s) => (listParam(s, 'limit').example = 50), bump: 'patch', codes: ['example-changed'] },
  { name: 'API title changed', change: (s) => (s.info.title = 'Calls API v1'), bump: 'patch', codes: ['title-changed'] },
  { name: 'model description changed', change: (s) => (schema(s, 'Call').description = 'A phone call.'), bump: 'patch', codes: ['description-changed'] },
  // Parameters
  { name: 'required parameter added', change: (s) => calls(s).parameters.push({ name: 'account', in: 'query', required: true, schema: { type: 'string' } }), bump: 'major', codes: ['param-added-required'] },
  { name: 'optional parameter added', change: (s) => calls(s).parameters.push({ name: 'to', in: 'query', schema: { type: 'string' } }), bump: 'minor', codes: ['param-added-optional'] },
  { name: 'parameter removed', change: (s) => (calls(s).parameters = calls(s).parameters.filter((p: Spec) => p.name !== 'direction')), bump: 'major', codes: ['param-removed'] },
  { name: 'parameter became required', change: (s) => (listParam(s, 'direction').required = true), bump: 'major', codes: ['param-became-required'] },
  { name: 'parameter became optional', change: (s) => (listParam(s, 'region').required = false), bump: 'minor', codes: ['param-became-optional'] },
  { name: 'parameter moved from query to header', change: (s) => (listParam(s, 'region').in = 'header'), bump: 'major', codes: ['param-location-changed'] },
  { name: 'parameter serialization changed', change: (s) => (listParam(s, 'fields').explode = false), bump: 'major', codes: ['param-serialization-changed'] },
  { name: 'parameter deprecated', change: (s) => (listParam(s, 'direction').deprecated = true), bump: 'minor', codes: ['param-deprecated'] },
  { name: 'parameter default changed', change: (s) => (listParam(s, 'limit').schema.default = 50), bump: 'patch', codes: ['default-changed'] },
  { name: 'parameter maximum lowered', change: (s) => (listParam(s, 'limit').schema.maximum = 50), bump: 'major', codes: ['request-constraint-tightened'] },
  { name: 'parameter maximum raised', change: (s) => (listParam(s, 'limit').schema.maximum = 500), bump: 'minor', codes: ['request-constraint-relaxed'] },
  { name: 'parameter pattern added', change: (s) => (listParam(s, 'region').schema.pattern = '^[a-z]+$'), bump: 'major', codes: ['request-constraint-tightened'] },
  { name: 'parameter integer became number', change: (s) => (listParam(s, 'offset').schema.type = 'number'), bump: 'minor', codes: ['request-constraint-relaxed'] },
  { name: 'parameter enum value added', change: (s) => listParam(s, 'direction').schema.enum.push('internal'), bump: 'minor', codes: ['request-enum-value-added'] },
  { name: 'parameter enum value removed', change: (s) => (listParam(s, 'direction').schema.enum = ['inbound']), bump: 'major', codes: ['request-enum-value-removed'] },
  { name: 'parameter type narrowed to an enum', change: (s) => (listParam(s, 'region').schema.enum = ['us', 'eu']), bump: 'major', codes: ['request-type-narrowed'] },
  { name: 'parameter enum widened to its type', change: (s) => delete listParam(s, 'direction').schema.enum, bump: 'minor', codes: ['request-type-widened'] },
  { name: 'parameter type changed', change: (s) => (listParam(s, 'region').schema = { type: 'integer' }), bump: 'major', codes: ['request-type-changed'] },
  // Bodies
  { name: 'optional body added', change: (s) => (del(s).requestBody = { content: json('UpdateCall') }), bump: 'minor', codes: ['body-added-optional'] },
  { name: 'required body added', change: (s) => (del(s).requestBody = { required: true, content: json('UpdateCall') }), bump: 'major', codes: ['body-added-required'] },
  { name: 'body removed', change: (s) => delete create(s).requestBody, bump: 'major', codes: ['body-removed'] },
  { name: 'body became optional', change: (s) => (create(s).requestBody.required = false), bump: 'minor', codes: ['body-became-optional'] },
  { name: 'body became required', change: (s) => (update(s).requestBody.required = true), bump: 'major', codes: ['body-became-required'] },
  {
    name: 'body sent as a form instead of JSON',
    change: (s) => (create(s).requestBody.content = { 'application/x-www-form-urlencoded': create(s).requestBody.content['application/json'] }),
    bump: 'major',
    codes: ['request-media-type-changed'],
  },
  { name: 'body also accepted as a form', change: (s) => (create(s).requestBody.content['application/x-www-form-urlencoded'] = json('CreateCall')['application/json']), bump: 'minor', codes: ['request-media-type-added'] },
  { name: 'body no longer accepted as a form', change: (s) => delete update(s).requestBody.content['application/x-www-form-urlencoded'], bump: 'patch', codes: ['request-media-type-removed'] },
  // Request schemas
  { name: 'required request property added', change: (s) => ((createProps(s).caller_name = { type: 'string' }), schema(s, 'CreateCall').required.push('caller_name')), bump: 'major', codes: ['request-property-added-required'] },
  { name: 'optional request property added', change: (s) => (createProps(s).caller_name = { type: 'string' }), bump: 'minor', codes: ['request-property-added-optional'] },
  { name: 'request property removed', change: (s) => delete createProps(s).record, bump: 'major', codes: ['request-property-removed'] },
  { name: 'request property became required', change: (s) => schema(s, 'CreateCall').required.push('from'), bump: 'major', codes: ['request-property-became-required'] },
  { name: 'request property became optional', change: (s) => (schema(s, 'CreateCall').required = ['answer_url']), bump: 'minor', codes: ['request-property-became-optional'] },
  { name: 'request property narrowed to an enum', change: (s) => (createProps(s).from.enum = ['+1555', '+1666']), bump: 'major', codes: ['request-type-narrowed'] },
  { name: 'request property widened to a union', change: (s) => (createProps(s).record = { type: ['boolean', 'string'] }), bump: 'minor', codes: ['request-type-widened'] },
  { name: 'request property type changed', change: (s) => (createProps(s).to = { type: 'integer' }), bump: 'major', codes: ['request-type-changed'] },
  { name: 'request property became nullable', change: (s) => (createProps(s).from.type = ['string', 'null']), bump: 'minor', codes: ['request-type-widened'] },
  { name: 'request enum value removed', change: (s) => (createProps(s).method.enum = ['POST']), bump: 'major', codes: ['request-enum-value-removed'] },
  { name: 'request enum value added', change: (s) => createProps(s).method.enum.push('PUT'), bump: 'minor', codes: ['request-enum-value-added'] },
  { name: 'request maximum lowered', change: (s) => (createProps(s).timeout.maximum = 60), bump: 'major', codes: ['request-constraint-tightened'] },
  { name: 'request format changed', change: (s) => (createProps(s).answer_url.format = 'uri-reference'), bump: 'major', codes: ['request-constraint-tightened'] },
  { name: 'request integer became number', change: (s) => (createProps(s).timeout.type = 'number'), bump: 'minor', codes: ['request-constraint-relaxed'] },
  { name: 'request additional properties no longer accepted', change: (s) => (createProps(s).metadata.additionalProperties = false), bump: 'major', codes: ['request-additional-properties-removed'] },
  { name: 'request union variant removed', change: (s) => (createProps(s).channel = { oneOf: [{ $ref: '#/components/schemas/Phone' }] }), bump: 'major', codes: ['request-type-narrowed'] },
  {
    name: 'request union variant added',
    change: (s) => createProps(s).channel.oneOf.push({ type: 'object', required: ['app'], properties: { app: { type: 'string' } } }),
    bump: 'minor',
    codes: ['request-type-widened'],
  },
  {
    name: 'request allOf part with a required property',
    change: (s) => (s.components.schemas.CreateCall = { allOf: [schema(s, 'CreateCall'), { type: 'object', required: ['priority'], properties: { priority: { type: 'integer' } } }] }),
    bump: 'major',
    codes: ['request-property-added-required'],
  },
  {
    name: 'request union enum split into one enum per value',
    before: (s) => (createProps(s).kind = { oneOf: [{ type: 'string', enum: ['a', 'b'] }, { type: 'integer' }] }),
    change: (s) => (createProps(s).kind = { oneOf: [{ type: 'string', enum: ['a'] }, { type: 'string', enum: ['b'] }, { type: 'integer' }] }),
    bump: 'none',
    codes: [],
  },
  {
    name: 'request union null moved from a variant to its own',
    before: (s) => (createProps(s).kind = { oneOf: [{ type: ['string', 'null'] }, { type: 'integer' }] }),
    change: (s) => (createProps(s).kind = { oneOf: [{ type: 'string' }, { type: 'integer' }, { type: 'null' }] }),
    bump: 'none',
    codes: [],
  },
  {
    name: 'request union of two objects merged into one that accepts both',
    before: (s) => (createProps(s).labels = { oneOf: [{ type: 'object', properties: { names: { type: 'array', items: { type: 'string' } } } }, { type: 'object', properties: { names: { type: 'array', items: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } } } }] }),
    change: (s) =>
      (createProps(s).labels = {
        oneOf: [{ type: 'object', properties: { names: { type: 'array', items: { oneOf: [{ type: 'string' }, { type: 'object', required: ['name'], properties: { name: { type: 'string' }, reason: { type: 'string' } } }] } } } }],
      }),
    bump: 'minor',
    codes: ['request-type-widened'],
  },
  // Response schemas
  {
    name: 'response offered in another JSON media type of the same schema',
    change: (s) => (getCall(s).responses['200'].content['application/vnd.calls+json'] = json('Call')['application/json']),
    bump: 'none',
    codes: [],
  },
  { name: 'response property added', change: (s) => (callProps(s).price = { type: 'string' }), bump: 'minor', codes: ['response-property-added'] },
  { name: 'optional response property removed', change: (s) => delete callProps(s).from, bump: 'major', codes: ['response-property-removed'] },
  { name: 'required response property removed', change: (s) => ((schema(s, 'Call').required = ['id', 'status', 'duration']), delete callProps(s).to), bump: 'major', codes: ['response-property-removed'] },
  { name: 'response property became optional', change: (s) => (schema(s, 'Call').required = ['id', 'status', 'to']), bump: 'major', codes: ['response-property-became-optional'] },
  { name: 'response property became required', change: (s) => schema(s, 'Call').required.push('from'), bump: 'minor', codes: ['response-property-became-required'] },
  { name: 'response property became nullable', change: (s) => (callProps(s).duration.type = ['integer', 'null']), bump: 'major', codes: ['response-type-widened'] },
  { name: 'response property no longer nullable', change: (s) => (callProps(s).answered_at.type = 'string'), bump: 'minor', codes: ['response-type-narrowed'] },
  { name: 'response property type changed', change: (s) => (callProps(s).duration = { type: 'string' }), bump: 'major', codes: ['response-type-changed'] },
  { name: 'response enum value added', change: (s) => callProps(s).status.enum.push('busy'), bump: 'major', codes: ['response-enum-value-added'] },
  { name: 'response enum value removed', change: (s) => (callProps(s).status.enum = ['queued', 'ringing', 'completed']), bump: 'major', codes: ['response-enum-value-removed'] },
  { name: 'response pattern added', change: (s) => (callProps(s).to.pattern = '^\\+'), bump: 'patch', codes: ['response-constraint-changed'] },
  { name: 'response property deprecated', change: (s) => (callProps(s).from.deprecated = true), bump: 'minor', codes: ['property-deprecated'] },
  { name: 'response property description changed', change: (s) => (callProps(s).to.description = 'The number called.'), bump: 'patch', codes: ['description-changed'] },
  { name: 'response union variant added', change: (s) => callProps(s).channel.oneOf.push({ type: 'string' }), bump: 'major', codes: ['response-type-widened'] },
  { name: 'response union variant removed', change: (s) => (callProps(s).channel = { oneOf: [{ $ref: '#/components/schemas/Sip' }] }), bump: 'minor', codes: ['response-type-narrowed'] },
  { name: 'response array items changed', change: (s) => (schema(s, 'EventList').properties.events.items = { type: 'integer' }), bump: 'major', codes: ['response-type-changed'] },
  { name: 'response ref to an identical model', change: (s) => ((s.components.schemas.CallV2 = schema(s, 'Call')), (getCall(s).responses['200'].content = json('CallV2'))), bump: 'minor', codes: ['description-changed', 'model-added'] },
  {
    name: 'response text became JSON of a plain string',
    before: (s) => (op(s, '/status', 'get').responses['200'].content = { 'text/plain': { schema: { type: 'string' } } }),
    change: (s) => (op(s, '/status', 'get').responses['200'].content = { 'application/json': { schema: { type: 'string' } } }),
    bump: 'none',
    codes: [],
  },
  { name: 'response became binary', change: (s) => (getCall(s).responses['200'].content = { 'audio/wav': {} }), bump: 'major', codes: ['response-type-changed'] },
  { name: 'success response added', change: (s) => (create(s).responses['200'] = { description: 'Already placed.', content: json('Ack') }), bump: 'major', codes: ['response-status-added'] },
  { name: 'success response removed', change: (s) => delete del(s).responses['202'], bump: 'minor', codes: ['response-status-removed'] },
  { name: 'error response documented', change: (s) => (getCall(s).responses['429'] = { description: 'Slow down.' }), bump: 'patch', codes: ['error-response-added'] },
  { name: 'error response dropped', change: (s) => delete getCall(s).responses['404'], bump: 'patch', codes: ['error-response-removed'] },
  { name: 'response example changed', change: (s) => (getCall(s).responses['200'].content['application/json'].example = { id: 'c1' }), bump: 'patch', codes: ['example-changed'] },
  { name: 'read-only property added to a model sent and read', change: (s) => (createProps(s).id = { type: 'string', readOnly: true }), bump: 'minor', codes: ['model-added'] },
  // Models
  { name: 'model added', change: (s) => (s.components.schemas.Recording = { type: 'object', properties: { url: { type: 'string' } } }), bump: 'minor', codes: ['model-added'] },
  { name: 'model removed', change: (s) => delete s.components.schemas.Legacy, bump: 'major', codes: ['model-removed'] },
  {
    name: 'model renamed',
    change: (s) => {
      s.components.schemas.LegacyRecord = s.components.schemas.Legacy;
      delete s.components.schemas.Legacy;
    },
    bump: 'major',
    codes: ['model-renamed'],
  },
  { name: 'unused model changed', change: (s) => delete schema(s, 'Legacy').properties.old_id, bump: 'major', codes: ['response-property-removed'] },
  // Security
  { name: 'security requirement added', change: (s) => delete op(s, '/status', 'get').security, bump: 'major', codes: ['security-added'] },
  { name: 'security requirement removed', change: (s) => (getCall(s).security = []), bump: 'minor', codes: ['security-removed'] },
  { name: 'security scheme changed', change: (s) => (s.components.securitySchemes.basic = { type: 'http', scheme: 'bearer' }), bump: 'major', codes: ['security-scheme-changed'] },
  // Paging, async, rate limits
  { name: 'paging added', change: (s) => (op(s, '/calls/{id}/events', 'get')['x-switchboard-pagination'] = { style: 'page', items: 'events', next: 'next', pageParam: 'page' }), bump: 'minor', codes: ['paging-added'] },
  { name: 'paging removed', change: (s) => delete calls(s)['x-switchboard-pagination'], bump: 'major', codes: ['paging-removed'] },
  { name: 'paging style changed', change: (s) => (calls(s)['x-switchboard-pagination'] = { style: 'page', items: 'objects', next: 'meta.next', pageParam: 'offset', pageSizeParam: 'limit' }), bump: 'major', codes: ['paging-changed'] },
  { name: 'async answers added', change: (s) => (create(s)['x-switchboard-async'] = { urlParam: 'callback_url', status: 200, response: { description: 'Queued.', content: json('Ack') } }), bump: 'minor', codes: ['async-added'] },
  {
    name: 'async answer changed',
    before: (s) => (create(s)['x-switchboard-async'] = { urlParam: 'callback_url', status: 200, response: { description: 'Queued.', content: json('Ack') } }),
    change: (s) => (create(s)['x-switchboard-async'] = { urlParam: 'callback_url', status: 202, response: { description: 'Queued.', content: json('Ack') } }),
    bump: 'major',
    codes: ['async-changed'],
  },
  { name: 'rate limit changed', change: (s) => (s['x-switchboard-rate-limit'].requests = 5), bump: 'patch', codes: ['rate-limit-changed'] },
  // Servers and the client
  { name: 'default server changed', change: (s) => (s.servers = [{ url: 'https://api.example.com/v2' }]), bump: 'major', codes: ['server-changed'] },
  { name: 'another server listed', change: (s) => s.servers.push({ url: 'https://eu.api.example.com/v1' }), bump: 'patch', codes: ['server-list-changed'] },
  { name: 'client class renamed', change: (s) => (s['x-switchboard-client'].className = 'CallClient'), bump: 'major', codes: ['client-renamed'] },
  { name: 'client option renamed', change: (s) => (s['x-switchboard-client'].credentials.password.option = 'apiToken'), bump: 'major', codes: ['client-option-removed'] },
  { name: 'client environment variable renamed', change: (s) => (s['x-switchboard-client'].credentials.password.env = 'CALLS_API_TOKEN'), bump: 'major', codes: ['client-env-changed'] },
  { name: 'method override added', change: (s) => (s['x-switchboard-method-override'] = { param: '_method', via: 'POST', methods: ['DELETE'] }), bump: 'minor', codes: ['method-override-added'] },
  { name: 'error format changed', change: (s) => (s['x-switchboard-errors'].requestId = 'api_id'), bump: 'patch', codes: ['error-format-changed'] },
];

/** Cases that start from an edited base (the "before" side), for the reverse direction of some rules. */
export const REVERSED: DiffCase[] = [
  {
    name: 'async answers removed',
    change: (s) => (create(s)['x-switchboard-async'] = { urlParam: 'callback_url', status: 200, response: { description: 'Queued.', content: json('Ack') } }),
    bump: 'major',
    codes: ['async-removed'],
  },
  { name: 'method override removed', change: (s) => (s['x-switchboard-method-override'] = { param: '_method', via: 'POST', methods: ['DELETE'] }), bump: 'major', codes: ['method-override-removed'] },
];
