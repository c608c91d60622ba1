/** cases tables; filled in by the cases module. */
export const statements: string[] = [];
