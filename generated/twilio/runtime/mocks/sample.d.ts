/**
 * Deterministic samples: a value for a schema, drawn from a seeded Random.
 * The spec's own examples, defaults and enum values come first; the rest is
 * derived from the schema (formats, patterns, bounds). Every sample is checked
 * against its schema, so a mock response always validates.
 */
import type { Random } from './random.js';
import { type Schemas } from './schema.js';
import type { JsonSchema } from './types.js';
export interface SampleOptions {
  /** Use `examples`/`example`/`default` from the schema when they are valid (default true). */
  examples?: boolean;
}
/** Samples values for the schemas of one API. */
export declare class Sampler {
  private readonly schemas;
  constructor(schemas: Schemas);
  /** A value valid against `schema`. */
  sample(schema: JsonSchema, random: Random, options?: SampleOptions, depth?: number): unknown;
  private fromSchemaExamples;
  private composed;
  private byType;
  private sampleObject;
  private sampleArray;
  private sampleString;
}
/** A value for a string format, or undefined for formats without a special shape. */
export declare function formatSample(format: string, random: Random): string | undefined;
