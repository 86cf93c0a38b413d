/**
 * The spec emitter: `openapi.json`, the spec the package was generated from,
 * bundled into one document (a multi-file spec's other files inlined, their
 * schemas under `components/schemas`). Consumers get the exact contract of
 * the version they installed, and `switchboard diff` / `generate --version
 * auto` read it back as "the previous version".
 *
 * The document keeps the author's key order (it is the spec as written, not a
 * normal form); the same spec always gives the same bytes.
 */
import type { ApiModel } from '../../model/types.js';
import type { EmittedFile, Emitter } from '../types.js';
import { jsonText } from './json-layout.js';

export const SPEC_FILE = 'openapi.json';

export const specEmitter: Emitter = {
  name: 'spec',
  emit(model: ApiModel): EmittedFile[] {
    return [{ path: SPEC_FILE, content: jsonText(model.document), formatted: true }];
  },
};
