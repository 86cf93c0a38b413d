/** The contract between the pipeline and the emitters. */
import type { ApiModel } from '../model/types.js';

/** One output file: a path relative to the package folder (POSIX `/`), and its content. */
export interface EmittedFile {
  path: string;
  content: string | Uint8Array;
}

export interface Emitter {
  /** Shown in phase timings (`emit:client`). */
  name: string;
  emit(model: ApiModel): EmittedFile[] | Promise<EmittedFile[]>;
}
