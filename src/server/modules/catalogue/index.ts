export { catalogueRoutes } from "./catalogue.routes.ts";
export { seedCatalogueDemo } from "./catalogue.seed.ts";
export { serviceTargetLabels } from "./fund-targets.ts";
export { exportHsds, HsdsImportError, importHsds, validateHsds } from "./hsds/hsds.ts";
