/** Table types of the budget module's funds and tabular imports (migration 0008); merged into Database. */
export type FundsTables = Record<never, never>;
