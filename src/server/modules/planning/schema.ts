/** Table types of the planning module (migration files under src/server/db/migrations); merged into Database. */
export type PlanningTables = Record<never, never>;
