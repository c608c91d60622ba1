/** Table types of the catalogue module (migration files under src/server/db/migrations); merged into Database. */
export type CatalogueTables = Record<never, never>;
