/** Osservatorio: territorial profile, ISTAT indicators, and the checker of published figures. */
export { importIstatPopulation } from "./istat-population.import.ts";
export { observatoryRoutes } from "./observatory.routes.ts";
export { seedObservatory } from "./observatory.seed.ts";
export { checkPublished, computeProfile } from "./observatory.service.ts";
export { importSeries } from "./series.import.ts";
