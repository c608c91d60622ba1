/** Administration: accounts and roles per Ambito, and the audit log viewer. */
export { auditRoutes } from "./audit.routes.ts";
export { usersRoutes } from "./users.routes.ts";
export { createUser, listUsers, updateUser } from "./users.service.ts";
