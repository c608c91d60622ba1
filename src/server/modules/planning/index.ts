/** Programmazione: Piani di Zona with objectives, indicators, monitoring, evaluation, governance and reports. */
export { SOURCES } from "./computed-sources.ts";
export { objectiveTargetLabels } from "./fund-targets.ts";
export { planningRoutes } from "./planning.routes.ts";
export { seedPlanningDemo } from "./planning.seed.ts";
export { importPlan, listPlans, loadPlan, monitorPlan, recomputePlan } from "./planning.service.ts";
