/** Table types of the SIUSS module; keep in step with migrations/0009-cases-performance.ts. */
// biome-ignore lint/suspicious/noEmptyInterface: filled in as the module grows
export interface SiussTables {}
