export { planningRoutes } from "./planning.routes.ts";
export { seedPlanningDemo } from "./planning.seed.ts";
