import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ambitoParams, errorResponse } from "../../../shared/contracts/common.ts";
import type { AppDeps } from "../../app.ts";
import { callerOf, personFileDto, requirePersonAccess } from "../people/index.ts";
import { accessCounts, listAccess, recordAccess } from "./access-contacts.ts";
import { caseOptions, getCaseFile, getPersonFile } from "./case-file.ts";
import { caseRecordRoutes } from "./case-records.routes.ts";
import {
  accessContactBody,
  accessContactDto,
  accessCountsQuery,
  accessListQuery,
  caseFileDto,
  caseListItem,
  caseParams,
  casesQuery,
  closeBody,
  openCaseBody,
  optionsDto,
  reopenBody,
  statusBody,
  teamMemberBody,
  transferBody,
} from "./cases.contracts.ts";
import {
  addTeamMember,
  changeStatus,
  closeCase,
  listCases,
  openCase,
  reopenCase,
  transferCase,
} from "./cases.service.ts";
import { followupRoutes } from "./followups.routes.ts";

const tags = ["cases"];
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const READ = { access: { permission: "cases:read", personalData: true } } as const;
const WRITE = { access: { permission: "cases:write", personalData: true } } as const;
const noContent = { 204: z.null(), ...errors };

/** Cartella Sociale: access contacts, cases and their lifecycle, the person and case files. */
export async function casesRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = "/api/ambiti/:ambito";

  r.get(
    `${base}/cases/options`,
    {
      config: { access: { permission: "cases:read" } },
      schema: {
        tags,
        summary: "Choices for the Cartella forms (workers, teams, providers, services, assessment forms)",
        params: ambitoParams,
        response: { 200: optionsDto, ...errors },
      },
    },
    async (request) => caseOptions(db, callerOf(request).scope.ambitoId),
  );

  r.get(
    `${base}/people/:id/file`,
    {
      config: { access: { permission: "people:read", personalData: true } },
      schema: {
        tags,
        summary: "A person's file: details, household, ISEE, cases (audited)",
        params: caseParams,
        response: { 200: personFileDto, ...errors },
      },
    },
    async (request) => getPersonFile(db, callerOf(request), request.params.id),
  );

  r.get(
    `${base}/people/:id/access-contacts`,
    {
      config: READ,
      schema: {
        tags,
        summary: "Access contacts of a person",
        params: caseParams,

        response: { 200: z.object({ items: z.array(accessContactDto) }), ...errors },
      },
    },
    async (request) => {
      const c = callerOf(request);
      await requirePersonAccess(db, c, request.params.id, "access.list");
      return listAccess(db, c, { limit: 100, offset: 0 }, request.params.id);
    },
  );

  r.post(
    `${base}/access-contacts`,
    {
      config: WRITE,
      schema: {
        tags,
        summary: "Record a contact at the segretariato sociale or the PUA",
        params: ambitoParams,
        body: accessContactBody,
        response: { 201: accessContactDto, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordAccess(db, callerOf(request, "segretariato sociale"), request.body)),
  );

  r.get(
    `${base}/access-contacts`,
    {
      config: READ,
      schema: {
        tags,
        summary: "Access contacts of the caller's Comuni, newest first",
        params: ambitoParams,
        querystring: accessListQuery,
        response: { 200: z.object({ items: z.array(accessContactDto) }), ...errors },
      },
    },
    async (request) => listAccess(db, callerOf(request, "segretariato sociale"), request.query),
  );

  r.get(
    `${base}/access-contacts/counts`,
    {
      config: { access: { permission: "cases:read" } },
      schema: {
        tags,
        summary: "Access counts by Comune, point, outcome and PUA routing (for indicators; no personal data)",
        params: ambitoParams,
        querystring: accessCountsQuery,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                comuneIstat: z.string(),
                point: z.string(),
                outcome: z.string(),
                puaRouting: z.string().nullable(),
                contacts: z.number().int(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => accessCounts(db, callerOf(request), request.query),
  );

  r.get(
    `${base}/cases`,
    {
      config: READ,
      schema: {
        tags,
        summary: "Cases of the caller's Comuni and teams",
        params: ambitoParams,
        querystring: casesQuery,
        response: { 200: z.object({ items: z.array(caseListItem), total: z.number().int() }), ...errors },
      },
    },
    async (request) => listCases(db, callerOf(request), request.query),
  );

  r.post(
    `${base}/cases`,
    {
      config: WRITE,
      schema: {
        tags,
        summary: "Open a case (presa in carico)",
        params: ambitoParams,
        body: openCaseBody,
        response: { 201: z.object({ id: z.uuid() }), ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await openCase(db, callerOf(request), request.body)),
  );

  r.get(
    `${base}/cases/:id`,
    {
      config: READ,
      schema: {
        tags,
        summary: "The case file: case, person, assessments, plan, interventions, diary, documents, tasks (audited)",
        params: caseParams,
        response: { 200: caseFileDto, ...errors },
      },
    },
    async (request) => getCaseFile(db, callerOf(request), request.params.id),
  );

  r.post(
    `${base}/cases/:id/status`,
    {
      config: WRITE,
      schema: { tags, summary: "Suspend or resume a case", params: caseParams, body: statusBody, response: noContent },
    },
    async (request, reply) => {
      await changeStatus(db, callerOf(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );

  r.post(
    `${base}/cases/:id/close`,
    {
      config: WRITE,
      schema: {
        tags,
        summary: "Close a case with its reason",
        params: caseParams,
        body: closeBody,
        response: noContent,
      },
    },
    async (request, reply) => {
      await closeCase(db, callerOf(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );

  r.post(
    `${base}/cases/:id/reopen`,
    {
      config: WRITE,
      schema: { tags, summary: "Reopen a closed case", params: caseParams, body: reopenBody, response: noContent },
    },
    async (request, reply) => {
      await reopenCase(db, callerOf(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );

  r.post(
    `${base}/cases/:id/transfer`,
    {
      config: WRITE,
      schema: {
        tags,
        summary: "Transfer a case (and the person) to another Comune of the Ambito",
        params: caseParams,
        body: transferBody,
        response: noContent,
      },
    },
    async (request, reply) => {
      await transferCase(db, callerOf(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );

  r.post(
    `${base}/cases/:id/team`,
    {
      config: WRITE,
      schema: {
        tags,
        summary: "Add a social worker to the case team",
        params: caseParams,
        body: teamMemberBody,
        response: noContent,
      },
    },
    async (request, reply) => {
      await addTeamMember(db, callerOf(request), request.params.id, request.body.userId);
      return reply.code(204).send(null);
    },
  );

  await caseRecordRoutes(app, deps);
  await followupRoutes(app, deps);
}
