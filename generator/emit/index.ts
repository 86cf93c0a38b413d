/** The static list of emitters, run in this order for every API. */
import { clientEmitter } from './client/index.js';
import { docsEmitter } from './docs/index.js';
import { mocksEmitter } from './mocks/index.js';
import { packageEmitter } from './package/index.js';
import { specEmitter } from './spec/index.js';
import type { Emitter } from './types.js';

export const EMITTERS: readonly Emitter[] = [clientEmitter, mocksEmitter, docsEmitter, packageEmitter, specEmitter];

export type { Emitter, EmittedFile } from './types.js';
