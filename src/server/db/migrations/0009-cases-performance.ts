/**
 * Cartella at scale: indexes for codice fiscale search and incremental SIUSS export, and the
 * SIUSS flow table (what was sent to INPS, when, and its outcome).
 */
export const statements: string[] = [];
