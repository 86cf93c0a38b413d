/**
 * The mock description: everything the mock runtime knows about an API, as
 * plain data. `src/mocks/spec.ts` holds one of these, emitted from the spec;
 * the runtime (validation, store, samples, faults) is driven by it alone.
 */
