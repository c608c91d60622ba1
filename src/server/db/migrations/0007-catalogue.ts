/** catalogue tables; filled in by the catalogue module. */
export const statements: string[] = [];
