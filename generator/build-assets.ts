/**
 * `npm run build` step, after tsc: precompiles the docs templates into
 * dist/templates.precompiled.json and builds the runtimes a package ships
 * into dist/runtime.prebuilt.json, so a run from dist/ compiles neither.
 */
import { writePrecompiledTemplates } from './emit/docs/render.js';
import { writePrebuiltRuntimes } from './emit/runtime-build.js';

writePrecompiledTemplates();
await writePrebuiltRuntimes();
