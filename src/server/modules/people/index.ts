/** People: the person registry at the root of the Cartella Sociale (personal data: scoped and audited). */
export { peopleRoutes } from "./people.routes.ts";
export { createPerson, getPerson, listPeople } from "./people.service.ts";
