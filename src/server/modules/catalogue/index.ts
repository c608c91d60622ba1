export { catalogueRoutes } from "./catalogue.routes.ts";
export { seedCatalogueDemo } from "./catalogue.seed.ts";
