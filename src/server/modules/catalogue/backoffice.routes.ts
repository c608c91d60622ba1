import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ambitoParams, errorResponse } from "../../../shared/contracts/common.ts";
import type { AppDeps } from "../../app.ts";
import { requireScope } from "../../platform/auth/request-context.ts";
import { changeCallStatus } from "./calls.admin.ts";
import * as backOffice from "./calls.backoffice.ts";
import type { Caller } from "./calls.common.ts";
import * as ranking from "./calls.ranking.ts";
import * as citizen from "./calls.service.ts";
import {
  applicationDto,
  applicationParams,
  applicationSummaryDto,
  applicationUpdateBody,
  attachmentBody,
  attachmentParams,
  callAdminDto,
  callDto,
  callIdParams,
  callStatusBody,
  createApplicationBody,
  listingBody,
  listingReviewBody,
  listingsQuery,
  providerDto,
  queueQuery,
  rankingDto,
  receiptDto,
  reviewBody,
  serviceDto,
  serviceParams,
  serviceSummaryDto,
} from "./catalogue.contracts.ts";
import {
  createListing,
  getListing,
  listListings,
  providersFor,
  reviewListing,
  submitListing,
  updateListing,
} from "./catalogue.service.ts";

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const caller = (request: FastifyRequest): Caller => ({ scope: requireScope(request.scope), ip: request.ip });
const scopeOf = (request: FastifyRequest) => requireScope(request.scope);

/** Listings (providers and the Ambito), applications (citizens and intermediaries), review and rankings. */
export async function backOfficeRoutes(app: FastifyInstance, { db }: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = "/api/ambiti/:ambito";

  // ---- Catalogue listings ----
  const listingTags = ["catalogue"];
  r.get(
    `${base}/catalogue/providers`,
    {
      config: { access: { permission: "catalogue:write" } },
      schema: {
        tags: listingTags,
        summary: "Providers the caller may list services for",
        params: ambitoParams,
        response: { 200: z.array(providerDto), ...errors },
      },
    },
    async (request) => providersFor(db, scopeOf(request)),
  );
  r.get(
    `${base}/catalogue/listings`,
    {
      config: { access: { permission: "catalogue:write" } },
      schema: {
        tags: listingTags,
        summary: "Listings in every state (an ETS operator sees its own)",
        params: ambitoParams,
        querystring: listingsQuery,
        response: { 200: z.array(serviceSummaryDto.extend({ status: z.string() })), ...errors },
      },
    },
    async (request) => listListings(db, scopeOf(request), request.query.status),
  );
  r.get(
    `${base}/catalogue/listings/:id`,
    {
      config: { access: { permission: "catalogue:write" } },
      schema: {
        tags: listingTags,
        summary: "One listing",
        params: serviceParams,
        response: { 200: serviceDto, ...errors },
      },
    },
    async (request) => getListing(db, scopeOf(request), request.params.id),
  );
  r.post(
    `${base}/catalogue/listings`,
    {
      config: { access: { permission: "catalogue:write" } },
      schema: {
        tags: listingTags,
        summary: "New listing (draft)",
        params: ambitoParams,
        body: listingBody,
        response: { 201: serviceDto, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await createListing(db, scopeOf(request), request.body)),
  );
  r.put(
    `${base}/catalogue/listings/:id`,
    {
      config: { access: { permission: "catalogue:write" } },
      schema: {
        tags: listingTags,
        summary: "Edit a listing",
        params: serviceParams,
        body: listingBody,
        response: { 200: serviceDto, ...errors },
      },
    },
    async (request) => updateListing(db, scopeOf(request), request.params.id, request.body),
  );
  r.post(
    `${base}/catalogue/listings/:id/submit`,
    {
      config: { access: { permission: "catalogue:write" } },
      schema: {
        tags: listingTags,
        summary: "Submit a listing for the Ambito's approval",
        params: serviceParams,
        response: { 200: serviceDto, ...errors },
      },
    },
    async (request) => submitListing(db, scopeOf(request), request.params.id),
  );
  r.post(
    `${base}/catalogue/listings/:id/review`,
    {
      config: { access: { permission: "catalogue:approve" } },
      schema: {
        tags: listingTags,
        summary: "Approve (public, verified now) or reject a submitted listing",
        params: serviceParams,
        body: listingReviewBody,
        response: { 200: serviceDto, ...errors },
      },
    },
    async (request) => reviewListing(db, scopeOf(request), request.params.id, request.body.decision, request.body.note),
  );

  // ---- Applications: the applicant's side ----
  const appTags = ["applications"];
  const submit = { access: { permission: "applications:submit", personalData: true } } as const;
  r.get(
    `${base}/my/applications`,
    {
      config: submit,
      schema: {
        tags: appTags,
        summary: "My applications",
        params: ambitoParams,
        response: { 200: z.array(applicationSummaryDto), ...errors },
      },
    },
    async (request) => citizen.listMyApplications(db, caller(request)),
  );
  r.post(
    `${base}/my/applications`,
    {
      config: submit,
      schema: {
        tags: appTags,
        summary: "Start an application (draft); onBehalf records a CAF, patronato or social worker",
        params: ambitoParams,
        body: createApplicationBody,
        response: { 201: applicationDto, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await citizen.createApplication(db, caller(request), request.body.callCode, request.body)),
  );
  r.get(
    `${base}/my/applications/:id`,
    {
      config: submit,
      schema: {
        tags: appTags,
        summary: "One of my applications",
        params: applicationParams,
        response: { 200: applicationDto, ...errors },
      },
    },
    async (request) => citizen.getMyApplication(db, caller(request), request.params.id),
  );
  r.patch(
    `${base}/my/applications/:id`,
    {
      config: submit,
      schema: {
        tags: appTags,
        summary: "Complete a draft (or an application asked for documents)",
        params: applicationParams,
        body: applicationUpdateBody,
        response: { 200: applicationDto, ...errors },
      },
    },
    async (request) => citizen.updateMyApplication(db, caller(request), request.params.id, request.body),
  );
  r.post(
    `${base}/my/applications/:id/attachments`,
    {
      config: submit,
      bodyLimit: 3 * 1024 * 1024,
      schema: {
        tags: appTags,
        summary: "Attach a document (PDF, PNG, JPEG up to 2 MB; content checked against its type)",
        params: applicationParams,
        body: attachmentBody,
        response: { 200: applicationDto, 413: errorResponse, ...errors },
      },
    },
    async (request) => citizen.addAttachment(db, caller(request), request.params.id, request.body),
  );
  r.post(
    `${base}/my/applications/:id/submit`,
    {
      config: submit,
      schema: {
        tags: appTags,
        summary: "Submit: protocol number and receipt code",
        params: applicationParams,
        response: { 200: receiptDto, ...errors },
      },
    },
    async (request) => citizen.submitApplication(db, caller(request), request.params.id),
  );
  r.post(
    `${base}/my/applications/:id/appeal`,
    {
      config: submit,
      schema: {
        tags: appTags,
        summary: "Appeal a rejection",
        params: applicationParams,
        body: z.object({ text: z.string().trim().min(10).max(4000) }),
        response: { 200: applicationDto, ...errors },
      },
    },
    async (request) => citizen.appealApplication(db, caller(request), request.params.id, request.body.text),
  );
  r.get(
    `${base}/my/applications/:id/attachments/:attachmentId`,
    { config: submit, schema: { tags: appTags, summary: "Download my attachment", params: attachmentParams } },
    async (request, reply) => {
      const f = await backOffice.getAttachment(db, caller(request), request.params.id, request.params.attachmentId);
      return reply
        .type(f.media_type)
        .header("content-disposition", `attachment; filename="${f.filename}"`)
        .send(f.content);
    },
  );

  // ---- Back office: calls, review queue, ranking ----
  const review = { access: { permission: "calls:review", personalData: true } } as const;
  const callTags = ["calls"];
  r.get(
    `${base}/calls`,
    {
      config: { access: { permission: "calls:review" } },
      schema: {
        tags: callTags,
        summary: "Calls with application counts",
        params: ambitoParams,
        response: { 200: z.array(callAdminDto), ...errors },
      },
    },
    async (request) => backOffice.listCalls(db, scopeOf(request)),
  );
  r.patch(
    `${base}/calls/:id`,
    {
      config: { access: { permission: "calls:review" } },
      schema: {
        tags: callTags,
        summary: "Open, pause or close a call",
        params: callIdParams,
        body: callStatusBody,
        response: { 200: callDto, ...errors },
      },
    },
    // The same checked transition as the call editor: never an open call without rules or deadline.
    async (request) => changeCallStatus(db, caller(request), request.params.id, request.body.status),
  );
  r.get(
    `${base}/calls/:id/applications`,
    {
      config: review,
      schema: {
        tags: callTags,
        summary: "Review queue (the read is audited)",
        params: callIdParams,
        querystring: queueQuery,
        response: {
          200: z.array(
            applicationSummaryDto.extend({ eligibility: z.enum(["eligible", "not_eligible", "incomplete"]) }),
          ),
          ...errors,
        },
      },
    },
    async (request) => backOffice.reviewQueue(db, caller(request), request.params.id, request.query.status),
  );
  r.get(
    `${base}/applications/:id`,
    {
      config: review,
      schema: {
        tags: callTags,
        summary: "One application (audited)",
        params: applicationParams,
        response: { 200: applicationDto, ...errors },
      },
    },
    async (request) => backOffice.getApplication(db, caller(request), request.params.id),
  );
  r.get(
    `${base}/applications/:id/attachments/:attachmentId`,
    {
      config: review,
      schema: { tags: callTags, summary: "Download an attachment (audited)", params: attachmentParams },
    },
    async (request, reply) => {
      const f = await backOffice.getAttachment(db, caller(request), request.params.id, request.params.attachmentId);
      return reply
        .type(f.media_type)
        .header("content-disposition", `attachment; filename="${f.filename}"`)
        .send(f.content);
    },
  );
  r.post(
    `${base}/applications/:id/review`,
    {
      config: review,
      schema: {
        tags: callTags,
        summary: "Start review, request documents, approve, reject (with reason) or set the score",
        params: applicationParams,
        body: reviewBody,
        response: { 200: applicationDto, ...errors },
      },
    },
    async (request) => backOffice.reviewApplication(db, caller(request), request.params.id, request.body),
  );
  r.get(
    `${base}/calls/:id/ranking`,
    {
      config: { access: { permission: "calls:review" } },
      schema: {
        tags: callTags,
        summary: "The computed ranking",
        params: callIdParams,
        response: { 200: rankingDto, ...errors },
      },
    },
    async (request) => ranking.rankingOf(db, scopeOf(request).ambitoId, request.params.id, true),
  );
  r.post(
    `${base}/calls/:id/ranking`,
    {
      config: { access: { permission: "calls:review" } },
      schema: {
        tags: callTags,
        summary: "Compute the ranking (idempotent)",
        params: callIdParams,
        response: { 200: rankingDto, ...errors },
      },
    },
    async (request) => ranking.computeRanking(db, caller(request), request.params.id),
  );
  r.post(
    `${base}/calls/:id/ranking/publish`,
    {
      config: { access: { permission: "calls:review" } },
      schema: {
        tags: callTags,
        summary: "Publish the ranking (pseudonymised)",
        params: callIdParams,
        response: { 200: rankingDto, ...errors },
      },
    },
    async (request) => ranking.publishRanking(db, caller(request), request.params.id),
  );
}
