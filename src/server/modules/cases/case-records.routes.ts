import multipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ambitoParams, errorResponse } from "../../../shared/contracts/common.ts";
import type { AppDeps } from "../../app.ts";
import { AppError } from "../../platform/errors.ts";
import { callerOf } from "../people/index.ts";
import { addAssessment, getForm, publishForm } from "./assessments.ts";
import { addAttachment, MAX_ATTACHMENT_BYTES, readAttachment, type Upload } from "./attachments.ts";
import {
  assessmentBody,
  assessmentDto,
  attachmentDto,
  caseParams,
  formBody,
  formDto,
  interventionBody,
  interventionDto,
  interventionStatusBody,
  noteBody,
  noteDto,
  numParams,
  planBody,
  planDto,
  planReviewBody,
  referralBody,
  taskBody,
  taskDto,
  waitingBody,
  waitingDto,
} from "./cases.contracts.ts";
import { addNote, addTask, completeTask, myTasks } from "./diary.ts";
import { addIntervention, addReferral, addToWaitingList, updateInterventionStatus } from "./interventions.ts";
import { addPlanReview, savePlan } from "./plans.ts";

const tags = ["cases"];
const errors = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
  413: errorResponse,
};
const READ = { access: { permission: "cases:read", personalData: true } } as const;
const WRITE = { access: { permission: "cases:write", personalData: true } } as const;

/** What goes into a case: assessments, plan, interventions, waiting lists, referrals, diary, documents, tasks. */
export async function caseRecordRoutes(app: FastifyInstance, { db }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = "/api/ambiti/:ambito";

  r.get(
    `${base}/assessment-forms/:id`,
    {
      config: { access: { permission: "cases:read" } },
      schema: {
        tags,
        summary: "An assessment form with its definition",
        params: numParams,
        response: { 200: formDto, ...errors },
      },
    },
    async (request) => getForm(db, callerOf(request).scope.ambitoId, request.params.id),
  );

  r.post(
    `${base}/assessment-forms`,
    {
      config: { access: { permission: "cases:review" } },
      schema: {
        tags,
        summary: "Publish a new version of an assessment form (defined as data)",
        params: ambitoParams,
        body: formBody,
        response: { 201: formDto, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await publishForm(db, callerOf(request, "configurazione schede"), request.body)),
  );

  r.post(
    `${base}/cases/:id/assessments`,
    {
      config: WRITE,
      schema: {
        tags,
        summary: "Fill an assessment (answers checked against the form version; score computed)",
        params: caseParams,
        body: assessmentBody,
        response: { 201: assessmentDto, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addAssessment(db, callerOf(request, "valutazione"), request.params.id, request.body)),
  );

  r.post(
    `${base}/cases/:id/plan`,
    {
      config: WRITE,
      schema: {
        tags,
        summary: "Create (version 0) or update the personalised plan; a stale version gets 409",
        params: caseParams,
        body: planBody,
        response: { 200: planDto, ...errors },
      },
    },
    async (request) => savePlan(db, callerOf(request, "progetto personalizzato"), request.params.id, request.body),
  );

  r.post(
    `${base}/cases/:id/plan/reviews`,
    {
      config: WRITE,
      schema: {
        tags,
        summary: "Record a plan review with progress per goal",
        params: caseParams,
        body: planReviewBody,
        response: { 201: planDto, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addPlanReview(db, callerOf(request, "verifica progetto"), request.params.id, request.body)),
  );

  r.post(
    `${base}/cases/:id/interventions`,
    {
      config: WRITE,
      schema: {
        tags,
        summary: "Add an intervention (erogazione); the shares must add up to the amount",
        params: caseParams,
        body: interventionBody,
        response: { 201: interventionDto, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addIntervention(db, callerOf(request, "erogazione interventi"), request.params.id, request.body)),
  );

  r.patch(
    `${base}/interventions/:id`,
    {
      config: WRITE,
      schema: {
        tags,
        summary: "Change an intervention's status, end date or vouchers used",
        params: caseParams,
        body: interventionStatusBody,
        response: { 200: interventionDto, ...errors },
      },
    },
    async (request) =>
      updateInterventionStatus(db, callerOf(request, "erogazione interventi"), request.params.id, request.body),
  );

  r.post(
    `${base}/cases/:id/waiting-list`,
    {
      config: WRITE,
      schema: {
        tags,
        summary: "Put the person of the case on a service's waiting list",
        params: caseParams,
        body: waitingBody,
        response: { 201: z.array(waitingDto), ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addToWaitingList(db, callerOf(request), request.params.id, request.body)),
  );

  r.post(
    `${base}/cases/:id/referrals`,
    {
      config: WRITE,
      schema: {
        tags,
        summary: "Refer the case to another service",
        params: caseParams,
        body: referralBody,
        response: {
          201: z.array(
            z.object({
              id: z.uuid(),
              toService: z.string(),
              referredOn: z.string(),
              status: z.string(),
              note: z.string().nullable(),
            }),
          ),
          ...errors,
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addReferral(db, callerOf(request), request.params.id, request.body)),
  );

  r.post(
    `${base}/cases/:id/notes`,
    {
      config: WRITE,
      schema: {
        tags,
        summary: "Add a diary note (interview, home visit, team meeting…)",
        params: caseParams,
        body: noteBody,
        response: { 201: noteDto, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addNote(db, callerOf(request, "diario"), request.params.id, request.body)),
  );

  r.post(
    `${base}/cases/:id/tasks`,
    {
      config: WRITE,
      schema: {
        tags,
        summary: "Add a task or reminder to a case",
        params: caseParams,
        body: taskBody,
        response: { 201: taskDto, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addTask(db, callerOf(request), request.params.id, request.body)),
  );

  r.get(
    `${base}/tasks`,
    {
      config: READ,
      schema: {
        tags,
        summary: "The caller's open tasks, soonest first",
        params: ambitoParams,
        response: { 200: z.object({ items: z.array(taskDto) }), ...errors },
      },
    },
    async (request) => myTasks(db, callerOf(request)),
  );

  r.post(
    `${base}/tasks/:id/done`,
    {
      config: WRITE,
      schema: { tags, summary: "Mark a task done", params: caseParams, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await completeTask(db, callerOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  // Uploads: multipart only in this encapsulated scope (the rest of the API is JSON).
  await app.register(async (scope) => {
    if (!scope.hasContentTypeParser("multipart/form-data")) {
      await scope.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 5 } });
    }
    const s = scope.withTypeProvider<ZodTypeProvider>();
    s.post(
      `${base}/cases/:id/attachments`,
      {
        config: WRITE,
        schema: {
          tags,
          summary: "Upload a document (multipart: file, description, expiresOn); size and type checked",
          consumes: ["multipart/form-data"],
          params: caseParams,
          response: { 201: attachmentDto, ...errors },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart()) {
          throw new AppError("VALIDATION", "Send the document as multipart/form-data", [
            { path: "body.file", message: "required" },
          ]);
        }
        const upload: Partial<Upload> = {};
        for await (const part of request.parts({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } })) {
          if (part.type === "file") {
            upload.fileName = part.filename;
            upload.declaredType = part.mimetype;
            upload.content = await part.toBuffer().catch((e: { code?: string }) => {
              if (e.code !== "FST_REQ_FILE_TOO_LARGE") throw e;
              throw new AppError("PAYLOAD_TOO_LARGE", "The file is too large", [
                { path: "body.file", message: `larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB` },
              ]);
            });
            upload.truncated = part.file.truncated;
          } else if (part.fieldname === "description" || part.fieldname === "expiresOn") {
            const value = String(part.value ?? "").trim();
            if (value) upload[part.fieldname] = value;
          }
        }
        if (!upload.fileName || !upload.content) {
          throw new AppError("VALIDATION", "No file", [{ path: "body.file", message: "attach a file" }]);
        }
        const saved = await addAttachment(db, callerOf(request, "documentazione"), request.params.id, upload as Upload);
        return reply.code(201).send(saved);
      },
    );
  });

  r.get(
    `${base}/attachments/:id/content`,
    {
      config: READ,
      schema: { tags, summary: "Download a document (audited)", params: caseParams },
    },
    async (request, reply) => {
      const file = await readAttachment(db, callerOf(request, "documentazione"), request.params.id);
      return reply
        .header("content-type", file.type)
        .header("content-disposition", `attachment; filename="${encodeURIComponent(file.fileName)}"`)
        .header("x-content-type-options", "nosniff")
        .send(file.content);
    },
  );
}
