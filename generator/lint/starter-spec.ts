/**
 * The starter spec `switchboard init` writes: small, but complete and
 * lint-clean, and it uses the extensions a real API usually needs (client
 * name and credentials, error fields, pagination).
 */
export const STARTER_SPEC = `openapi: 3.1.0
info:
  title: Example API
  version: 0.1.0
  description: |
    A starter spec written by \`switchboard init\`. Replace it with your API,
    then run \`npx switchboard lint\` and \`npm run generate\`.
    Vendor extensions (\`x-switchboard-*\`) are described in Switchboard's
    README, under "Spec extensions".
servers:
  - url: https://api.example.com/v1
security:
  - basicAuth: []
tags:
  - name: Notes
    description: Short text notes.

x-switchboard-client:
  className: ExampleClient
  credentials:
    username: { option: apiKey, env: EXAMPLE_API_KEY }
    password: { option: apiSecret, env: EXAMPLE_API_SECRET }
x-switchboard-errors:
  schema: { $ref: '#/components/schemas/Error' }
  message: message
  code: code

paths:
  /notes:
    get:
      operationId: listNotes
      summary: List notes
      description: Notes, newest first, one page at a time.
      tags: [Notes]
      parameters:
        - $ref: '#/components/parameters/Limit'
        - $ref: '#/components/parameters/Offset'
      x-switchboard-pagination:
        style: offset
        items: items
        next: next
        limitParam: limit
        offsetParam: offset
      responses:
        '200':
          description: A page of notes.
          content:
            application/json:
              schema: { $ref: '#/components/schemas/NoteList' }
        '401': { $ref: '#/components/responses/Unauthorized' }
    post:
      operationId: createNote
      summary: Create a note
      tags: [Notes]
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: '#/components/schemas/NewNote' }
            example: { text: Buy milk }
      responses:
        '201':
          description: The note that was created.
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Note' }
        '400': { $ref: '#/components/responses/BadRequest' }
        '401': { $ref: '#/components/responses/Unauthorized' }
  /notes/{noteId}:
    parameters:
      - $ref: '#/components/parameters/NoteId'
    get:
      operationId: getNote
      summary: Get a note
      tags: [Notes]
      responses:
        '200':
          description: The note.
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Note' }
        '401': { $ref: '#/components/responses/Unauthorized' }
        '404': { $ref: '#/components/responses/NotFound' }
    delete:
      operationId: deleteNote
      summary: Delete a note
      tags: [Notes]
      responses:
        '204':
          description: The note was deleted.
        '401': { $ref: '#/components/responses/Unauthorized' }
        '404': { $ref: '#/components/responses/NotFound' }

components:
  securitySchemes:
    basicAuth:
      type: http
      scheme: basic
      description: Your API key as the username and your API secret as the password.
  parameters:
    NoteId:
      name: noteId
      in: path
      required: true
      description: The note's id.
      schema: { type: string }
      example: note_123
    Limit:
      name: limit
      in: query
      description: How many notes to return (1-100).
      schema: { type: integer, minimum: 1, maximum: 100, default: 20 }
    Offset:
      name: offset
      in: query
      description: How many notes to skip.
      schema: { type: integer, minimum: 0, default: 0 }
  schemas:
    Note:
      type: object
      description: A short text note.
      required: [id, text, createdAt]
      properties:
        id: { type: string, description: The note's id., example: note_123 }
        text: { type: string, description: The note's text., example: Buy milk }
        createdAt: { type: string, format: date-time, description: When the note was created. }
    NewNote:
      type: object
      description: The fields of a new note.
      required: [text]
      properties:
        text: { type: string, minLength: 1, maxLength: 1000, description: The note's text. }
    NoteList:
      type: object
      description: One page of notes.
      required: [items, next]
      properties:
        items:
          type: array
          items: { $ref: '#/components/schemas/Note' }
        next:
          type: [string, 'null']
          format: uri
          description: The next page's URL; null on the last page.
    Error:
      type: object
      description: An error response.
      required: [code, message]
      properties:
        code: { type: string, description: A machine-readable error code., example: not_found }
        message: { type: string, description: What went wrong., example: Note not found. }
  responses:
    BadRequest:
      description: The request is invalid.
      content:
        application/json:
          schema: { $ref: '#/components/schemas/Error' }
    Unauthorized:
      description: The credentials are missing or wrong.
      content:
        application/json:
          schema: { $ref: '#/components/schemas/Error' }
    NotFound:
      description: No such note.
      content:
        application/json:
          schema: { $ref: '#/components/schemas/Error' }
`;
