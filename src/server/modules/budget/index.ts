/** Bilancio: import and checking of municipal social budget reports; the Ambito's funds. */
export { analyseReport, importBudgetReport } from "./budget.import.ts";
export { findDocument, listChecks, listDocuments, listLines, sumLines } from "./budget.repo.ts";
export { budgetRoutes } from "./budget.routes.ts";
export { seedBudgetDemo } from "./budget.seed.ts";
export { budgetDocuments, budgetLines, budgetSummary } from "./budget.service.ts";
export { registerFundTargetResolver, type TargetInfo, type TargetResolver } from "./fund-targets.ts";
export { fundsForTarget } from "./funds.service.ts";
