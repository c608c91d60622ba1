/** People: the person registry at the root of the Cartella Sociale (personal data: scoped and audited). */
export { caseAccess, type FileAccessVia, personAccess } from "./file-access.ts";
export { householdsOf, iseeOf } from "./households.ts";
export { countPeopleRegistered } from "./indicator-counts.ts";
export { pastDate, personDetailDto, personFileDto, today } from "./people.contracts.ts";
export { findDetail } from "./people.repo.ts";
export { callerOf, peopleRoutes } from "./people.routes.ts";
export {
  auditPerson,
  type Caller,
  createPerson,
  getPerson,
  listPeople,
  requirePersonAccess,
  toPersonDto,
} from "./people.service.ts";
