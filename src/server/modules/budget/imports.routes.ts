import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ambitoParams, errorResponse } from "../../../shared/contracts/common.ts";
import type { AppDeps } from "../../app.ts";
import { requirePrincipal, requireScope } from "../../platform/auth/request-context.ts";
import { AppError } from "../../platform/errors.ts";
import { headerDto, importReportDto, mappingDto, saveMappingBody } from "./imports.contracts.ts";
import { importReportUpload, importTableUpload, tableHeader } from "./imports.service.ts";
import { MAX_BUDGET_UPLOAD_BYTES, receiveBudgetUpload, type UploadKind } from "./imports.upload.ts";
import { listMappings, saveMapping } from "./table-mapping.ts";

const tags = ["budget"];
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 413: errorResponse };
const read = { access: { permission: "budget:read" as const } };
// The CLI import writes documents: over HTTP that is the accounting officer's budget:write.
const write = { access: { permission: "budget:write" as const } };

/**
 * Uploads of budget files (report layout or tables with a column mapping) and the saved mappings.
 * A refused file answers 422 with the same summary as an accepted one: its problems with line,
 * field, expected and found; nothing is written.
 */
export async function importsRoutes(app: FastifyInstance, { db }: AppDeps) {
  const base = "/api/ambiti/:ambito/budget";
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    `${base}/mappings`,
    {
      config: read,
      schema: {
        tags,
        summary: "Saved column mappings for tabular budgets",
        params: ambitoParams,
        response: { 200: z.array(mappingDto), ...errors },
      },
    },
    async (request) =>
      (await listMappings(db, requireScope(request.scope).ambitoId)).map((m) => ({
        id: m.id,
        name: m.name,
        mapping: m.mapping as Record<string, unknown>,
        updatedAt: new Date(m.updated_at).toISOString(),
      })),
  );

  r.post(
    `${base}/mappings`,
    {
      config: write,
      schema: {
        tags,
        summary: "Save (or replace) a named column mapping; {year} and {year-1} stand for the document's year",
        params: ambitoParams,
        body: saveMappingBody,
        response: { 201: z.object({ id: z.number().int(), name: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const { ambitoId } = requireScope(request.scope);
      const userId = requirePrincipal(request.principal).userId;
      const saved = await saveMapping(db, ambitoId, request.body.name, request.body.mapping, userId);
      return reply.code(201).send({ id: saved.id, name: request.body.name });
    },
  );

  // Multipart only in this encapsulated scope (the rest of the API is JSON).
  await app.register(async (scope) => {
    if (!scope.hasContentTypeParser("multipart/form-data"))
      await scope.register(multipart, { limits: { fileSize: MAX_BUDGET_UPLOAD_BYTES, files: 1, fields: 10 } });
    const s = scope.withTypeProvider<ZodTypeProvider>();
    const upload = (kind: UploadKind, summary: string) => ({
      config: write,
      schema: {
        tags,
        summary,
        consumes: ["multipart/form-data"],
        params: ambitoParams,
        response: { 200: importReportDto, 201: importReportDto, 422: importReportDto, ...errors },
      },
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        const { ambitoId, ambitoSlug } = requireScope(request.scope);
        const userId = requirePrincipal(request.principal).userId;
        const file = await receiveBudgetUpload(request, kind);
        try {
          // As the CLI's --ente: optional here, since the Ambito in the URL is the ente.
          const { ente, ...fields } = file.fields;
          if (ente !== undefined && ente !== ambitoSlug)
            throw new AppError("VALIDATION", "The ente is not this Ambito", [
              { path: "body.ente", message: `expected '${ambitoSlug}' (the Ambito in the URL) or nothing` },
            ]);
          file.fields = fields;
          const run = kind === "report" ? importReportUpload : importTableUpload;
          const report = await run(db, ambitoId, file.path, file.fields, userId);
          return reply.code(report.ok ? (report.status === "imported" ? 201 : 200) : 422).send(report);
        } finally {
          await file.cleanup();
        }
      },
    });
    s.post(
      `${base}/imports/report`,
      upload(
        "report",
        "Import a 'Report Commissioni' text file (multipart: file, ente, year, kind, dryRun, acceptFailedChecks)",
      ),
    );
    s.post(
      `${base}/imports/table`,
      upload("table", "Import a CSV/XLSX budget table (multipart: file, ente, mapping or mappingJson, title, dryRun)"),
    );
    s.post(
      `${base}/imports/header`,
      {
        config: write,
        schema: {
          tags,
          summary: "The column names of a CSV/XLSX file's header, to build a mapping (nothing is stored)",
          consumes: ["multipart/form-data"],
          params: ambitoParams,
          response: { 200: headerDto, ...errors },
        },
      },
      async (request) => {
        const file = await receiveBudgetUpload(request, "table");
        try {
          return { file: file.path.split("/").pop() as string, columns: await tableHeader(file.path) };
        } finally {
          await file.cleanup();
        }
      },
    );
  });
}
