export { siussRoutes } from "./siuss.routes.ts";
