/**
 * A small spec for what the seeds do not have: readOnly/writeOnly, required
 * nullable vs optional, wire names that are not identifiers, names that clash
 * with the runtime, and an operation without security. Its type tests are
 * inline because the spec is generated only into a temp folder.
 */
export const SHAPES_SPEC = `openapi: 3.1.0
info: {title: Shapes, version: 2.0.0}
servers: [{url: 'https://shapes.example.com/api'}]
security: [{basic: []}]
paths:
  /users/{user-id}:
    put:
      operationId: request
      tags: [withOptions]
      summary: "Replace a user */ export const pwned = 1; /*"
      parameters:
        - {name: user-id, in: path, required: true, schema: {type: string}}
        - {name: X-Trace-Id, in: header, required: true, schema: {type: string}}
        - {name: 'filter[name]', in: query, schema: {type: string}}
      requestBody: {required: true, content: {application/json: {schema: {$ref: '#/components/schemas/User'}}}}
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/User'}}}}
        '409': {description: clash, content: {application/json: {schema: {$ref: '#/components/schemas/ApiError'}}}}
  /health:
    get:
      operationId: health
      security: []
      responses:
        '204': {description: fine}
components:
  securitySchemes:
    basic: {type: http, scheme: basic}
  schemas:
    ApiError:
      type: object
      properties:
        reason: {type: string}
    User:
      type: object
      required: [id, name, password, nickname]
      properties:
        id: {type: string, readOnly: true}
        name: {type: string}
        password: {type: string, writeOnly: true}
        nickname: {type: [string, 'null']}
        bio: {type: string, description: "Free text. */ alert(1) /*"}
        role: {enum: [admin, member], default: member}
`;

export const SHAPES_TYPE_TESTS = `import { ApiError, ShapesClient, type ApiError2, type Request_Responses, type User, type UserInput } from './src/index.js';

const client = new ShapesClient({ username: 'u', password: 'p' });
const input: UserInput = { name: 'n', password: 'secret', nickname: null, role: 'admin' };

export async function shapesTypes(): Promise<void> {
  // @ts-expect-error id is readOnly: not part of a request
  const withId: UserInput = { id: '1', name: 'n', password: 'p', nickname: null };
  const user: User = await client.withOptions2.request({ 'user-id': '1', 'X-Trace-Id': 't', 'filter[name]': 'n', body: input });
  const id: string = user.id;
  // @ts-expect-error password is writeOnly: never in a response
  const password = user.password;
  // @ts-expect-error nickname is nullable but required
  const noNickname: UserInput = { name: 'n', password: 'p' };
  // @ts-expect-error bio is optional but not nullable
  const nullBio: UserInput = { name: 'n', password: 'p', nickname: null, bio: null };
  // @ts-expect-error role is admin or member
  const badRole: UserInput = { name: 'n', password: 'p', nickname: null, role: 'owner' };
  // @ts-expect-error the X-Trace-Id header param is required
  await client.withOptions2.request({ 'user-id': '1', body: input });
  const clash: ApiError2 = { reason: 'x' };
  const body409: Request_Responses[409] = clash;
  const runtimeError: ApiError = new ApiError(500, new Headers(), undefined);
  const nothing: void = await client.default_.health();
  const copy: ShapesClient = client.withOptions({ timeout: 1 });
}
`;
