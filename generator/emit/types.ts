/** The contract between the pipeline and the emitters. */
import type { ApiModel } from '../model/types.js';

/** One output file: a path relative to the package folder (POSIX `/`), and its content. */
export interface EmittedFile {
  path: string;
  content: string | Uint8Array;
  /**
   * The content is already exactly what prettier would print (for example a
   * runtime file kept formatted in the repository, or data printed in
   * prettier's layout), so the pipeline writes it as is. Formatting is most of
   * a large spec's generation time. Claim it only where a test checks it.
   */
  formatted?: boolean;
}

export interface Emitter {
  /** Shown in phase timings (`emit:client`). */
  name: string;
  emit(model: ApiModel): EmittedFile[] | Promise<EmittedFile[]>;
}
