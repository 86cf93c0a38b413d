/**
 * The types shared by the runtime and the generated code: operation
 * descriptors (emitted once per operation), client and request options, and
 * the shapes calls resolve to.
 */
