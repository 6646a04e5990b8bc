export { auditPack, PACK_OMISSIONS, type PackAuditOptions } from './audit';
export { PACK_CODES } from './codes';
export { packJsonSchema, type PackJsonSchemaOptions } from './json-schema';
export { loadPack, PACK_LIMITS, type LoadedPack, type LoadOptions } from './load';
export { PLACEHOLDER } from './placeholders';
export { REGIONAL_PACKS, regionalOverlays, type RegionalPack } from './regional';
export { PackSchema, type Pack } from './schema';
export { validatePack, type Validation } from './validate';
