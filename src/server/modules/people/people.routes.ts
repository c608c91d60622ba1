import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ambitoParams, errorResponse } from "../../../shared/contracts/common.ts";
import { peopleQuery, personDto } from "../../../shared/contracts/people.ts";
import type { AppDeps } from "../../app.ts";
import { requireScope } from "../../platform/auth/request-context.ts";
import { findDuplicates, mergePeople } from "./duplicates.ts";
import { addHouseholdMember, addIsee, createHousehold } from "./households.ts";
import {
  accessReportDto,
  createPersonBody,
  duplicateDto,
  duplicatesQuery,
  emergencyBody,
  emergencyDto,
  grantBody,
  householdBody,
  householdMemberBody,
  householdParams,
  idNumParams,
  iseeBody,
  iseeDto,
  lookupDto,
  lookupQuery,
  mergeBody,
  personParams,
  reviewBody,
  updatePersonBody,
} from "./people.contracts.ts";
import { type Caller, createPerson, getPerson, listPeople, updatePerson } from "./people.service.ts";
import {
  accessReport,
  grantAccess,
  listEmergencyAccess,
  lookupFiscalCode,
  openEmergencyAccess,
  reviewEmergencyAccess,
} from "./privacy.ts";

const tags = ["people"];
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };
const DEFAULT_PURPOSE = "presa in carico sociale";

/** The purpose of a read, logged with it: the client may state it (X-Purpose), else the route's. */
export function callerOf(request: FastifyRequest, purpose = DEFAULT_PURPOSE): Caller {
  const stated = request.headers["x-purpose"];
  return {
    scope: requireScope(request.scope),
    ip: request.ip,
    purpose: typeof stated === "string" && stated.trim() ? stated.trim().slice(0, 120) : purpose,
  };
}

const read = { access: { permission: "people:read", personalData: true } } as const;
const write = { access: { permission: "people:write", personalData: true } } as const;

export async function peopleRoutes(app: FastifyInstance, { db }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = "/api/ambiti/:ambito";

  r.get(
    `${base}/people`,
    {
      config: read,
      schema: {
        tags,
        summary: "People in the care of the caller's Comuni (search by name prefix or codice fiscale)",
        params: ambitoParams,
        querystring: peopleQuery,
        response: {
          200: z.object({ items: z.array(personDto), total: z.number().int(), totalCapped: z.boolean() }),
          ...errors,
        },
      },
    },
    async (request) => listPeople(db, callerOf(request), request.query),
  );

  r.get(
    `${base}/people/duplicates`,
    {
      config: read,
      schema: {
        tags,
        summary: "Possible duplicates: same codice fiscale, or same names and birth date",
        params: ambitoParams,
        querystring: duplicatesQuery,
        response: { 200: z.object({ items: z.array(duplicateDto) }), ...errors },
      },
    },
    async (request) => findDuplicates(db, callerOf(request, "verifica duplicati"), request.query),
  );

  r.get(
    `${base}/people/lookup`,
    {
      config: read,
      schema: {
        tags,
        summary: "Whether a codice fiscale is known in the Ambito and whether the caller may open the file",
        params: ambitoParams,
        querystring: lookupQuery,
        response: { 200: lookupDto, ...errors },
      },
    },
    async (request) => lookupFiscalCode(db, callerOf(request, "ricerca per codice fiscale"), request.query.fiscalCode),
  );

  r.get(
    `${base}/people/:id`,
    {
      config: read,
      schema: {
        tags,
        summary: "One person (the read is audited)",
        params: personParams,
        response: { 200: personDto, ...errors },
      },
    },
    async (request) => getPerson(db, callerOf(request), request.params.id),
  );

  r.post(
    `${base}/people`,
    {
      config: write,
      schema: {
        tags,
        summary: "Register a person (codice fiscale validated, or a provisional identity)",
        params: ambitoParams,
        body: createPersonBody,
        response: { 201: personDto, 409: errorResponse, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await createPerson(db, callerOf(request), request.body)),
  );

  r.patch(
    `${base}/people/:id`,
    {
      config: write,
      schema: {
        tags,
        summary: "Correct a person's data or replace a provisional identity with the codice fiscale",
        params: personParams,
        body: updatePersonBody,
        response: { 200: personDto, 409: errorResponse, ...errors },
      },
    },
    async (request) => updatePerson(db, callerOf(request), request.params.id, request.body),
  );

  r.post(
    `${base}/people/:id/merge`,
    {
      config: write,
      schema: {
        tags,
        summary: "Merge a duplicate record into this one (its cases, ISEE, contacts move here)",
        params: personParams,
        body: mergeBody,
        response: { 200: personDto, ...errors },
      },
    },
    async (request) =>
      mergePeople(db, callerOf(request, "unione duplicati"), request.params.id, request.body.duplicateId),
  );

  r.post(
    `${base}/people/:id/isee`,
    {
      config: write,
      schema: {
        tags,
        summary: "Record an ISEE declaration",
        params: personParams,
        body: iseeBody,
        response: { 201: iseeDto, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addIsee(db, callerOf(request), request.params.id, request.body)),
  );

  r.post(
    `${base}/households`,
    {
      config: write,
      schema: {
        tags,
        summary: "Create a household with its members",
        params: ambitoParams,
        body: householdBody,
        response: { 201: z.object({ id: z.uuid() }), ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await createHousehold(db, callerOf(request), request.body)),
  );

  r.post(
    `${base}/households/:id/members`,
    {
      config: write,
      schema: {
        tags,
        summary: "Add a person to a household",
        params: householdParams,
        body: householdMemberBody,
        response: { 204: z.null(), 409: errorResponse, ...errors },
      },
    },
    async (request, reply) => {
      await addHouseholdMember(db, callerOf(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );

  r.post(
    `${base}/people/:id/grants`,
    {
      config: write,
      schema: {
        tags,
        summary: "Give another social worker time-limited access to this file",
        params: personParams,
        body: grantBody,
        response: { 201: z.object({ id: z.number().int(), validUntil: z.string() }), ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await grantAccess(db, callerOf(request, "autorizzazione accesso"), request.params.id, request.body)),
  );

  r.post(
    `${base}/people/:id/emergency-access`,
    {
      config: { access: { permission: "cases:emergency", personalData: true } },
      schema: {
        tags,
        summary: "Emergency access ('break the glass'): opens the file for a few hours; reviewed afterwards",
        params: personParams,
        body: emergencyBody,
        response: { 201: z.object({ id: z.number().int(), expiresAt: z.string() }), ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await openEmergencyAccess(
            db,
            callerOf(request, "accesso di emergenza"),
            request.params.id,
            request.body.reason,
          ),
        ),
  );

  r.get(
    `${base}/people/:id/access-report`,
    {
      config: read,
      schema: {
        tags,
        summary: "Who read this person's file: every audited access to the person and their cases",
        params: personParams,
        response: { 200: accessReportDto, ...errors },
      },
    },
    async (request) => accessReport(db, callerOf(request, "rapporto accessi all'interessato"), request.params.id),
  );

  r.get(
    `${base}/emergency-access`,
    {
      config: { access: { permission: "cases:review" } },
      schema: {
        tags,
        summary: "Emergency accesses to review (unreviewed first)",
        params: ambitoParams,
        querystring: z.object({ pending: z.enum(["true", "false"]).default("false") }),
        response: { 200: z.object({ items: z.array(emergencyDto) }), ...errors },
      },
    },
    async (request) =>
      listEmergencyAccess(db, callerOf(request, "revisione accessi di emergenza"), request.query.pending === "true"),
  );

  r.post(
    `${base}/emergency-access/:id/review`,
    {
      config: { access: { permission: "cases:review" } },
      schema: {
        tags,
        summary: "Record the review of an emergency access",
        params: idNumParams,
        body: reviewBody,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await reviewEmergencyAccess(
        db,
        callerOf(request, "revisione accessi di emergenza"),
        request.params.id,
        request.body,
      );
      return reply.code(204).send(null);
    },
  );
}
