export { SINA_FORM, SINBA_FORM } from "./forms.ts";
export type { FlowHeader, FlowKind, PsBeneficiary, PsBenefit, SinbaRecord } from "./records.ts";
export { authenticateBearer, issueApiToken } from "./siuss.auth.ts";
export { pullFlows, recordEsiti } from "./siuss.pull.ts";
export { siussRoutes } from "./siuss.routes.ts";
export { countExportRows, type ExportResult, exportSiuss } from "./siuss.service.ts";
export { type FlowProblem, validateFlow } from "./validate.ts";
export { FlowBuilder } from "./xml.ts";
