import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ambitoParams, errorResponse } from "../../../shared/contracts/common.ts";
import type { AppDeps } from "../../app.ts";
import { callerOf } from "../people/index.ts";
import { caseFileDto, caseParams, waitingDto } from "./cases.contracts.ts";
import {
  myWaiting,
  myWaitingDto,
  referralStatusBody,
  updateReferral,
  updateWaiting,
  waitingStatusBody,
} from "./followups.ts";

const tags = ["cases"];
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const READ = { access: { permission: "cases:read", personalData: true } } as const;
const WRITE = { access: { permission: "cases:write", personalData: true } } as const;

/** Follow-ups of waiting-list entries and referrals, and the worker's waiting list agenda. */
export async function followupRoutes(app: FastifyInstance, { db }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = "/api/ambiti/:ambito";

  r.get(
    `${base}/waiting-list`,
    {
      config: READ,
      schema: {
        tags,
        summary: "Waiting or offered entries of the caller's open cases (as responsible), by priority",
        params: ambitoParams,
        response: { 200: z.object({ items: z.array(myWaitingDto) }), ...errors },
      },
    },
    async (request) => myWaiting(db, callerOf(request)),
  );

  r.patch(
    `${base}/waiting-list/:id`,
    {
      config: WRITE,
      schema: {
        tags,
        summary: "Offer a place, admit, or withdraw (remove) a waiting-list entry",
        params: caseParams,
        body: waitingStatusBody,
        response: { 200: z.array(waitingDto), ...errors },
      },
    },
    async (request) => updateWaiting(db, callerOf(request), request.params.id, request.body),
  );

  r.patch(
    `${base}/referrals/:id`,
    {
      config: WRITE,
      schema: {
        tags,
        summary: "Record the answer to a referral: accepted, refused, completed",
        params: caseParams,
        body: referralStatusBody,
        response: { 200: caseFileDto.shape.referrals, ...errors },
      },
    },
    async (request) => updateReferral(db, callerOf(request), request.params.id, request.body),
  );
}
