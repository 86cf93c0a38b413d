/**
 * A small seeded pseudo-random generator. Every sample and every generated id
 * comes from one of these, so the same seed always gives the same bytes.
 */
/** A 32-bit hash of text (FNV-1a), used to derive per-operation seeds. */
export declare function hashText(text: string, seed?: number): number;
/** mulberry32: fast, small and good enough for test data. */
export declare class Random {
  private state;
  constructor(seed: number);
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  hex(length: number): string;
  /** A version-4-shaped UUID. */
  uuid(): string;
  /**
   * A new value shaped like `example`: its leading letters (a prefix such as
   * `CA` or `r-`) and separators stay, digits and hex letters are redrawn.
   */
  like(example: string): string;
}
