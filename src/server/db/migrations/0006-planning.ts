/** planning tables; filled in by the planning module. */
export const statements: string[] = [];
