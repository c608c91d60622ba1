/** Bilancio: import and checking of municipal social budget reports. */
export { analyseReport, importBudgetReport } from "./budget.import.ts";
export { findDocument, listChecks, listDocuments, listLines, sumLines } from "./budget.repo.ts";
export { budgetRoutes } from "./budget.routes.ts";
export { budgetDocuments, budgetLines, budgetSummary } from "./budget.service.ts";
