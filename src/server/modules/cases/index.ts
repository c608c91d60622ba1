export { casesRoutes } from "./cases.routes.ts";
export { seedCasesDemo } from "./cases.seed.ts";
