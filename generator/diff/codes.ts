/**
 * Every change code the rules report: its class, and which of the type
 * checker's questions can see it (`proofs`, in an operation's terms).
 *
 * A breaking code with proofs must be confirmed by one of those checks
 * failing; a check that fails with no breaking change to explain it is a
 * break the rules missed. Either way the checker wins and the disagreement is
 * reported as a bug. A breaking code with no proofs is one the types cannot
 * see (`why` says why): there the rule decides.
 */
import type { ChangeKind, Proof } from './types.js';

export interface CodeInfo {
  kind: ChangeKind;
  /** Checks that fail when this change is there (empty: only the rule can tell). */
  proofs: readonly Proof[];
  /** For breaking codes without proofs: why the type checker cannot see it. */
  why?: string;
}

const RULES_ONLY = {
  literal: 'object literals get excess-property checks that plain assignability skips: a call passing it stops compiling',
  wire: 'the types are the same; the request goes out differently',
  runtime: 'TypeScript has no type for it; the API rejects values the old spec allowed',
  switch: 'the new type is assignable to the old one, but a `switch` or `===` on the removed value no longer compiles (TS2678, TS2367)',
  security: 'credentials are options, not types: calls compile and fail with 401',
  env: 'the client reads another environment variable at run time',
} as const;

const breaking = (proofs: readonly Proof[], why?: keyof typeof RULES_ONLY): CodeInfo => ({ kind: 'breaking', proofs, ...(why ? { why: RULES_ONLY[why] } : {}) });
const feature: CodeInfo = { kind: 'feature', proofs: [] };
const fix: CodeInfo = { kind: 'fix', proofs: [] };

export const CODES = {
  // Operations
  'operation-added': feature,
  'operation-removed': breaking(['member', 'exports']),
  'operation-renamed': breaking(['member', 'exports']),
  'operation-moved': breaking(['member']),
  'operation-types-renamed': breaking(['exports']),
  'path-changed': breaking([], 'wire'),
  'method-changed': breaking([], 'wire'),
  'operation-deprecated': feature,
  'operation-undeprecated': fix,
  'operation-id-changed': fix,
  'summary-changed': fix,
  'description-changed': fix,
  'example-changed': fix,
  'title-changed': fix,
  // Parameters and bodies
  'param-added-required': breaking(['params']),
  'param-added-optional': feature,
  'param-removed': breaking([], 'literal'),
  'param-became-required': breaking(['params']),
  'param-became-optional': feature,
  'param-location-changed': breaking([], 'wire'),
  'param-serialization-changed': breaking([], 'wire'),
  'param-deprecated': feature,
  'body-added-required': breaking(['params']),
  'body-added-optional': feature,
  'body-removed': breaking([], 'literal'),
  'body-became-required': breaking(['params']),
  'body-became-optional': feature,
  'request-media-type-changed': breaking([], 'wire'),
  'request-media-type-added': feature,
  'request-media-type-removed': fix,
  // Schemas on the request side (params, bodies, models sent)
  'request-property-added-required': breaking(['params']),
  'request-property-added-optional': feature,
  'request-property-removed': breaking([], 'literal'),
  'request-property-became-required': breaking(['params']),
  'request-property-became-optional': feature,
  'request-type-narrowed': breaking(['params']),
  'request-type-widened': feature,
  'request-type-changed': breaking(['params']),
  'request-enum-value-removed': breaking(['params']),
  'request-enum-value-added': feature,
  'request-constraint-tightened': breaking([], 'runtime'),
  'request-constraint-relaxed': feature,
  'request-additional-properties-removed': breaking([], 'literal'),
  // Schemas on the response side (results, models read)
  'response-property-added': feature,
  'response-property-removed': breaking(['result', 'result-required']),
  'response-property-became-optional': breaking(['result']),
  'response-property-became-required': feature,
  'response-type-widened': breaking(['result', 'result-required']),
  'response-type-narrowed': feature,
  'response-type-changed': breaking(['result', 'result-required']),
  'response-enum-value-added': breaking(['result', 'result-required']),
  'response-enum-value-removed': breaking([], 'switch'),
  'response-constraint-changed': fix,
  'response-status-added': breaking(['result', 'result-required']),
  'response-status-removed': feature,
  'error-response-added': fix,
  'error-response-removed': fix,
  'property-deprecated': feature,
  'default-changed': fix,
  // Models
  'model-added': feature,
  'model-removed': breaking(['exports']),
  'model-renamed': breaking(['exports']),
  // Security, paging, extensions, client
  'security-added': breaking([], 'security'),
  'security-removed': feature,
  'security-scheme-changed': breaking([], 'security'),
  'paging-added': feature,
  'paging-removed': breaking(['member']),
  'paging-changed': breaking([], 'wire'),
  'async-added': feature,
  'async-removed': breaking([], 'wire'),
  'async-changed': breaking([], 'wire'),
  'rate-limit-changed': fix,
  'server-changed': breaking([], 'wire'),
  'server-list-changed': fix,
  'client-renamed': breaking(['client']),
  'client-option-removed': breaking([], 'literal'),
  'client-env-changed': breaking([], 'env'),
  'method-override-added': feature,
  'method-override-removed': breaking([], 'wire'),
  'error-format-changed': fix,
  /** Reported when a check fails that no rule explains: the checker decided alone. */
  'type-incompatible': breaking(['params', 'result', 'result-required', 'model-in', 'model-out', 'model-out-required', 'member', 'exports', 'client']),
} satisfies Record<string, CodeInfo>;

export type ChangeCode = keyof typeof CODES;

export function codeInfo(code: string): CodeInfo {
  return (CODES as Record<string, CodeInfo>)[code] ?? breaking([]);
}

/** The checks of a model that correspond to an operation's checks. */
export function modelProof(proof: Proof): Proof {
  return proof === 'params' ? 'model-in' : proof === 'result' ? 'model-out' : proof === 'result-required' ? 'model-out-required' : proof;
}
