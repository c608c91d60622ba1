/** Table types of the cases module (migration files under src/server/db/migrations); merged into Database. */
export type CasesTables = Record<never, never>;
