import type { ColumnType, Generated } from "kysely";

/** Table types of the SIUSS module; keep in step with migrations/0009-cases-performance.ts. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type SiussEsito = "OK" | "DATI_NON_TROVATI" | "RICHIESTA_INVALIDA" | "ERRORE_GENERICO";

/** One flow produced for INPS: an export file or a pull-API flow, with its hash and outcome. */
export interface SiussFlowTable {
  ambito_id: number;
  id: Generated<number>;
  flow_id: string;
  kind: "PS_PSA_SINA" | "SINBA";
  channel: "file" | "api";
  period_from: string | null;
  period_to: string | null;
  generated_at: CreatedAt;
  generated_by: number | null;
  actor_kind: "user" | "cli" | "system";
  api_token: string | null;
  records: number;
  size_bytes: number;
  sha256: string;
  validation: "valid" | "invalid";
  validation_errors: ColumnType<number, number | undefined, number>;
  esito: SiussEsito | null;
  /** INPS's ts_acquisizione, as sent (the yaml gives it as a string). */
  esito_acquired_at: string | null;
  esito_received_at: Timestamp | null;
  siuss_acquisition_id: string | null;
}

export interface SiussTables {
  siuss_flow: SiussFlowTable;
}
