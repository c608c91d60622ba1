import { z } from "zod";
import type { listFlows } from "./flows.ts";

/** GET /api/ambiti/:ambito/siuss/flows: the register of flows produced for INPS. */
const esiti = ["OK", "DATI_NON_TROVATI", "RICHIESTA_INVALIDA", "ERRORE_GENERICO"] as const;

export const flowsQuery = z.object({
  kind: z.enum(["PS_PSA_SINA", "SINBA"]).optional(),
  channel: z.enum(["file", "api"]).optional(),
  esito: z.enum([...esiti, "none"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const flowDto = z.object({
  id: z.number().int(),
  flowId: z.string(),
  kind: z.enum(["PS_PSA_SINA", "SINBA"]),
  channel: z.enum(["file", "api"]),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  generatedAt: z.string(),
  generatedBy: z.object({ userId: z.number().int().nullable(), name: z.string().nullable(), kind: z.string() }),
  apiToken: z.string().nullable(),
  records: z.number().int(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  validation: z.enum(["valid", "invalid"]),
  validationErrors: z.number().int(),
  esito: z
    .object({
      code: z.enum(esiti),
      acquiredAt: z.string().nullable(),
      receivedAt: z.string(),
      acquisitionId: z.string().nullable(),
    })
    .nullable(),
});
export type FlowDto = z.infer<typeof flowDto>;

export const flowsResponse = z.object({ total: z.number().int(), items: z.array(flowDto) });

type Row = Awaited<ReturnType<typeof listFlows>>["items"][number];
const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

export const toFlowDto = (r: Row): FlowDto => ({
  id: Number(r.id),
  flowId: r.flow_id,
  kind: r.kind,
  channel: r.channel,
  periodFrom: r.period_from,
  periodTo: r.period_to,
  generatedAt: iso(r.generated_at),
  generatedBy: { userId: r.generated_by, name: r.generated_by_name, kind: r.actor_kind },
  apiToken: r.api_token,
  records: r.records,
  sizeBytes: r.size_bytes,
  sha256: r.sha256,
  validation: r.validation,
  validationErrors: r.validation_errors,
  esito:
    r.esito && r.esito_received_at
      ? {
          code: r.esito,
          acquiredAt: r.esito_acquired_at,
          receivedAt: iso(r.esito_received_at),
          acquisitionId: r.siuss_acquisition_id,
        }
      : null,
});
