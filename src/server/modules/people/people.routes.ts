import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ambitoParams, errorResponse } from "../../../shared/contracts/common.ts";
import { createPersonBody, peopleQuery, personDto, personParams } from "../../../shared/contracts/people.ts";
import type { AppDeps } from "../../app.ts";
import { requireScope } from "../../platform/auth/request-context.ts";
import { type Caller, createPerson, getPerson, listPeople } from "./people.service.ts";

const tags = ["people"];
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };
const DEFAULT_PURPOSE = "presa in carico sociale";

/** The purpose of a read, logged with it: the client may state it (X-Purpose), else the route's. */
function callerOf(request: FastifyRequest): Caller {
  const stated = request.headers["x-purpose"];
  return {
    scope: requireScope(request.scope),
    ip: request.ip,
    purpose: typeof stated === "string" && stated.trim() ? stated.trim().slice(0, 120) : DEFAULT_PURPOSE,
  };
}

export async function peopleRoutes(app: FastifyInstance, { db }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/ambiti/:ambito/people",
    {
      config: { access: { permission: "people:read", personalData: true } },
      schema: {
        tags,
        summary: "People in the care of the caller's Comuni (search by name or codice fiscale)",
        params: ambitoParams,
        querystring: peopleQuery,
        response: { 200: z.object({ items: z.array(personDto), total: z.number().int() }), ...errors },
      },
    },
    async (request) => listPeople(db, callerOf(request), request.query),
  );

  r.get(
    "/api/ambiti/:ambito/people/:id",
    {
      config: { access: { permission: "people:read", personalData: true } },
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
    "/api/ambiti/:ambito/people",
    {
      config: { access: { permission: "people:write", personalData: true } },
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
}
