/** funds tables; filled in by the funds module. */
export const statements: string[] = [];
