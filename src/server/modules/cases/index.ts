/** Cartella Sociale: access, cases, assessments, plans, interventions, diary, documents (see docs/cases.md). */
export {
  type ApplicationReferral,
  type ReferralOutcome,
  recordReferralFromApplication,
  splitName,
} from "./application-referral.ts";
export { casesRoutes } from "./cases.routes.ts";
export { seedCasesDemo } from "./cases.seed.ts";
export { SIUSS_AREA_OF } from "./cases.service.ts";
export { ensureStandardForms, PUA_FIRST_ACCESS, SVAMA_LITE } from "./forms.ts";
export { countCasesOpenAtYearEnd, countCasesOpenedInYear, countPuaContacts } from "./indicator-counts.ts";
export { ensureStandardServiceTypes, STANDARD_SERVICE_TYPES } from "./service-types.ts";
