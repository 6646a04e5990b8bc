// Not an export of the package: a build entry (tsup.config.ts) that makes the build keep the modules
// the engine needs in a chunk of their own. A bundler then takes `createEngine` from
// `@portfolio-rules/core` without the chunk of the schemas, YAML and the audit, whose zod calls it
// could not drop (bench/bundle.mjs measures it).
export { createEngine, PackError } from './engine';
