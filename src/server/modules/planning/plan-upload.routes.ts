import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ambitoParams, errorResponse } from "../../../shared/contracts/common.ts";
import type { AppDeps } from "../../app.ts";
import { AppError } from "../../platform/errors.ts";
import { xlsxPaths, xlsxToPlan } from "./plan-xlsx.ts";
import { importPlan } from "./planning.service.ts";
import { actorOf, tenantOf } from "./route-helpers.ts";

/** A whole Piano di Zona fits in a few hundred kB; the limit only stops abuse. */
const MAX_PLAN_BYTES = 10 * 1024 * 1024;
const fileError = (message: string) => new AppError("VALIDATION", message, [{ path: "body.file", message }]);

/** The one file of a multipart request, in memory (plan documents are small). */
async function receivePlanFile(request: FastifyRequest): Promise<{ name: string; content: Buffer }> {
  if (!request.isMultipart()) throw fileError("send the plan as multipart/form-data");
  let file: { name: string; content: Buffer } | null = null;
  try {
    for await (const part of request.parts({ limits: { fileSize: MAX_PLAN_BYTES, files: 1, fields: 2 } })) {
      if (part.type === "file") file = { name: part.filename.toLowerCase(), content: await part.toBuffer() };
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE") throw fileError(`larger than ${MAX_PLAN_BYTES / 1024 / 1024} MB`);
    if (code?.startsWith("FST_")) throw fileError("send one file only");
    throw e;
  }
  if (!file) throw fileError("attach a .json or .xlsx plan file");
  return file;
}

/** Reads the document by its kind, checked by content: an XLSX is a zip, JSON must parse. */
async function readPlanDocument(file: { name: string; content: Buffer }): Promise<unknown> {
  if (file.name.endsWith(".xlsx")) {
    if (file.content.subarray(0, 2).toString("latin1") !== "PK") throw fileError("not an XLSX workbook");
    try {
      return await xlsxToPlan(file.content);
    } catch (e) {
      if (e instanceof AppError) throw new AppError(e.code, e.message, xlsxPaths(e.fields ?? []));
      throw fileError(`not a readable XLSX workbook (${(e as Error).message})`);
    }
  }
  if (!file.name.endsWith(".json")) throw fileError("expected a .json or .xlsx file");
  try {
    return JSON.parse(file.content.toString("utf8"));
  } catch (e) {
    throw fileError(`not readable JSON (${(e as Error).message})`);
  }
}

/** The web's "Importa piano": the same all-or-nothing import as POST plans/import and the CLI. */
export async function planUploadRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  // Multipart only in this encapsulated scope (the rest of the API is JSON).
  await app.register(async (scope) => {
    if (!scope.hasContentTypeParser("multipart/form-data")) await scope.register(multipart);
    scope.withTypeProvider<ZodTypeProvider>().post(
      "/api/ambiti/:ambito/plans/import-file",
      {
        config: { access: { permission: "plan:write" } },
        schema: {
          tags: ["planning"],
          summary: "Import a plan file (multipart: file, .json or .xlsx as exported): all or nothing",
          consumes: ["multipart/form-data"],
          params: ambitoParams,
          response: {
            200: z.object({ id: z.number(), version: z.number(), created: z.boolean() }),
            400: errorResponse,
            401: errorResponse,
            403: errorResponse,
            404: errorResponse,
          },
        },
      },
      async (req) => {
        const file = await receivePlanFile(req);
        const input = await readPlanDocument(file);
        try {
          return await importPlan(db, tenantOf(req), input, actorOf(req));
        } catch (e) {
          // XLSX problems are named by sheet and row, as the user sees the workbook.
          if (e instanceof AppError && file.name.endsWith(".xlsx"))
            throw new AppError(e.code, e.message, xlsxPaths(e.fields ?? []));
          throw e;
        }
      },
    );
  });
}
