/** The static list of emitters, run in this order for every API. */
import { clientEmitter } from './client/index.js';
import { packageEmitter } from './package/index.js';
import type { Emitter } from './types.js';

export const EMITTERS: readonly Emitter[] = [clientEmitter, packageEmitter];

export type { Emitter, EmittedFile } from './types.js';
