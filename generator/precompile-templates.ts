/**
 * `npm run build` step: precompiles the docs templates into
 * dist/templates.precompiled.json, so a run from dist/ skips compiling them.
 */
import { writePrecompiledTemplates } from './emit/docs/render.js';

writePrecompiledTemplates();
