import type { Db } from "../../db/database.ts";
import { recordAudit } from "../../platform/audit/audit.service.ts";
import type { AccessScope } from "../../platform/auth/access.ts";
import { AppError, forbidden, notFound } from "../../platform/errors.ts";
import { findTenant } from "../../platform/tenancy.ts";
import { isComuneOfAmbito } from "../territory/index.ts";
import { listOpenCallsForFit } from "./calls.service.ts";
import type {
  FitResponse,
  ListingBody,
  SearchQuery,
  SearchResponse,
  ServiceDto,
  ServiceSummaryDto,
} from "./catalogue.contracts.ts";
import * as repo from "./catalogue.repo.ts";
import { evaluate, type Facts } from "./rules/engine.ts";

type SummaryRow = Awaited<ReturnType<typeof repo.searchServices>>["rows"][number];
const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toSummary(r: SummaryRow): ServiceSummaryDto {
  const loc = r.location as { comune: string; lat: number | null; lon: number | null } | null;
  return {
    id: r.id,
    ambito: r.ambito,
    name: r.name,
    kind: r.kind,
    unitType: r.unit_type,
    userArea: r.user_area,
    providerName: r.provider_name,
    capacity: r.capacity,
    ageMin: r.age_min,
    ageMax: r.age_max,
    comuneName: loc?.comune ?? null,
    latitude: loc?.lat ?? null,
    longitude: loc?.lon ?? null,
    lastVerifiedAt: iso(r.last_verified_at),
  };
}

async function tenantId(db: Db, slug: string): Promise<number> {
  const t = await findTenant(db, slug);
  if (!t) throw notFound(`Ambito '${slug}'`);
  return t.id;
}

export async function searchPublic(db: Db, q: SearchQuery): Promise<SearchResponse> {
  const ambitoId = q.ambito ? await tenantId(db, q.ambito) : undefined;
  const { rows, total } = await repo.searchServices(db, { ...q, ambitoId });
  return { items: rows.map(toSummary), total };
}

async function serviceDto(db: Db, ambitoId: number, id: number): Promise<ServiceDto | null> {
  const s = await repo.findService(db, ambitoId, id);
  if (!s) return null;
  const [locations, calls] = await Promise.all([
    repo.locationsOf(db, ambitoId, id),
    repo.callsOfService(db, ambitoId, id),
  ]);
  return {
    ...toSummary(s),
    description: s.description,
    providerKind: s.provider_kind,
    siussCode: s.siuss_code,
    targetGroups: s.target_groups,
    cost: s.cost,
    copayment: s.copayment,
    howToAccess: s.how_to_access,
    eligibility: s.eligibility,
    status: s.status,
    reviewNote: s.review_note,
    source: s.source,
    locations: locations.map((l) => ({
      id: l.id,
      name: l.name,
      address: l.address,
      comuneIstat: l.comune_istat,
      comuneName: l.comune_name,
      postalCode: l.postal_code,
      latitude: l.latitude,
      longitude: l.longitude,
      openingHours: l.opening_hours,
    })),
    calls: calls.map((c) => ({ code: c.code, title: c.title, status: c.status, deadline: c.deadline.toISOString() })),
  };
}

/** The public service page: approved listings only (a draft is not public, and says nothing). */
export async function getPublicService(db: Db, slug: string, id: number): Promise<ServiceDto> {
  const dto = await serviceDto(db, await tenantId(db, slug), id);
  if (dto?.status !== "approved") throw notFound("Service");
  return { ...dto, reviewNote: null };
}

/** "Which services may fit me": computed from the answers, which are neither stored nor logged. */
export async function suggestServices(
  db: Db,
  input: { ambito: string; age?: number; area?: SearchQuery["area"]; comune?: string; facts: Facts },
): Promise<FitResponse> {
  const ambitoId = await tenantId(db, input.ambito);
  const age = input.age ?? input.facts.age;
  const { rows } = await repo.searchServices(db, {
    ambitoId,
    age,
    area: input.area,
    comune: input.comune,
    limit: 30,
    offset: 0,
  });
  const facts = { ...input.facts, ...(age !== undefined ? { age } : {}) };
  const calls = (await listOpenCallsForFit(db, ambitoId)).map((c) => ({
    code: c.code,
    title: c.title,
    evaluation: evaluate(c.eligibility, facts),
  }));
  return { services: rows.map(toSummary), calls };
}

// ---- Back office: providers maintain their listings, the Ambito approves them ----

export async function listListings(db: Db, scope: AccessScope, status?: string) {
  const rows = await repo.listListings(db, scope.ambitoId, scope.organisations, status);
  return rows.map((r) => ({ ...toSummary(r), status: r.status }));
}

export async function getListing(db: Db, scope: AccessScope, id: number): Promise<ServiceDto> {
  const s = await repo.findService(db, scope.ambitoId, id);
  if (!s) throw notFound("Service");
  if (scope.organisations !== "all" && !scope.organisations.includes(s.organisation_id ?? -1))
    throw notFound("Service");
  return (await serviceDto(db, scope.ambitoId, id)) as ServiceDto;
}

export async function providersFor(db: Db, scope: AccessScope) {
  let q = db.selectFrom("cat_provider").select(["id", "name", "kind"]).where("ambito_id", "=", scope.ambitoId);
  if (scope.organisations !== "all") {
    if (scope.organisations.length === 0) return [];
    q = q.where("organisation_id", "in", scope.organisations);
  }
  return q.orderBy("name").execute();
}

/** The provider a listing belongs to: an ETS operator's own (created on first use from its organisation). */
async function providerFor(db: Db, scope: AccessScope, requested: number | undefined): Promise<number> {
  if (scope.organisations === "all") {
    if (requested === undefined) {
      throw new AppError("VALIDATION", "Choose the provider", [{ path: "body.providerId", message: "required" }]);
    }
    const p = await db
      .selectFrom("cat_provider")
      .select("id")
      .where("ambito_id", "=", scope.ambitoId)
      .where("id", "=", requested)
      .executeTakeFirst();
    if (!p) throw new AppError("VALIDATION", "Unknown provider", [{ path: "body.providerId", message: "not found" }]);
    return p.id;
  }
  const orgId = scope.organisations[0];
  if (orgId === undefined) throw forbidden("Your account is not linked to an organisation");
  const own = await db
    .selectFrom("cat_provider")
    .select("id")
    .where("ambito_id", "=", scope.ambitoId)
    .where("organisation_id", "in", scope.organisations)
    .$if(requested !== undefined, (q) => q.where("id", "=", requested as number))
    .orderBy("id")
    .executeTakeFirst();
  if (own) return own.id;
  if (requested !== undefined) throw forbidden("This provider is not your organisation");
  const org = await db
    .selectFrom("organisation")
    .select(["name", "tax_code"])
    .where("ambito_id", "=", scope.ambitoId)
    .where("id", "=", orgId)
    .executeTakeFirstOrThrow();
  const created = await db
    .insertInto("cat_provider")
    .values({ ambito_id: scope.ambitoId, name: org.name, kind: "ets", organisation_id: orgId, tax_code: org.tax_code })
    .returning("id")
    .executeTakeFirstOrThrow();
  return created.id;
}

const audit = (db: Db, scope: AccessScope, action: string, id: number, details = {}) =>
  recordAudit(db, {
    ambitoId: scope.ambitoId,
    actorUserId: scope.userId,
    actorKind: "user",
    action,
    entityType: "cat_service",
    entityId: String(id),
    details,
  });

function listingValues(b: ListingBody) {
  if (b.ageMin != null && b.ageMax != null && b.ageMin > b.ageMax) {
    throw new AppError("VALIDATION", "Age range is reversed", [
      { path: "body.ageMin", message: "must not exceed the maximum age" },
    ]);
  }
  return {
    name: b.name,
    kind: b.kind,
    unit_type: b.unitType ?? null,
    description: b.description,
    user_area: b.userArea,
    siuss_code: b.siussCode ?? null,
    target_groups: b.targetGroups,
    age_min: b.ageMin ?? null,
    age_max: b.ageMax ?? null,
    capacity: b.capacity ?? null,
    cost: b.cost ?? null,
    copayment: b.copayment ?? null,
    how_to_access: b.howToAccess ?? null,
    keywords: b.keywords,
  };
}

/** A provider's new listing starts as a draft; it becomes public only once the Ambito approves it. */
export async function createListing(db: Db, scope: AccessScope, b: ListingBody): Promise<ServiceDto> {
  if (b.location && !(await isComuneOfAmbito(db, scope.ambitoId, b.location.comuneIstat))) {
    throw new AppError("VALIDATION", "Unknown Comune", [
      { path: "body.location.comuneIstat", message: "not a Comune of this Ambito" },
    ]);
  }
  const id = await db.transaction().execute(async (trx) => {
    const providerId = await providerFor(trx, scope, b.providerId);
    const row = await trx
      .insertInto("cat_service")
      .values({ ambito_id: scope.ambitoId, provider_id: providerId, ...listingValues(b), created_by: scope.userId })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (b.location) {
      await trx
        .insertInto("cat_location")
        .values({
          ambito_id: scope.ambitoId,
          service_id: row.id,
          address: b.location.address,
          comune_istat: b.location.comuneIstat,
          opening_hours: b.location.openingHours ?? null,
          latitude: b.location.latitude ?? null,
          longitude: b.location.longitude ?? null,
        })
        .execute();
    }
    await audit(trx, scope, "listing.create", row.id, { provider: providerId });
    return row.id;
  });
  return getListing(db, scope, id);
}

async function ownedListing(db: Db, scope: AccessScope, id: number) {
  const s = await repo.findService(db, scope.ambitoId, id);
  if (!s || (scope.organisations !== "all" && !scope.organisations.includes(s.organisation_id ?? -1))) {
    throw notFound("Service");
  }
  return s;
}

/** An edit by a provider goes back to review; the Ambito's own edits stay approved. */
export async function updateListing(db: Db, scope: AccessScope, id: number, b: ListingBody): Promise<ServiceDto> {
  await ownedListing(db, scope, id);
  const byProvider = scope.organisations !== "all";
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("cat_service")
      .set({ ...listingValues(b), updated_at: new Date(), ...(byProvider ? { status: "draft" as const } : {}) })
      .where("ambito_id", "=", scope.ambitoId)
      .where("id", "=", id)
      .execute();
    await audit(trx, scope, "listing.update", id);
  });
  return getListing(db, scope, id);
}

export async function submitListing(db: Db, scope: AccessScope, id: number): Promise<ServiceDto> {
  const s = await ownedListing(db, scope, id);
  if (s.status !== "draft" && s.status !== "rejected") {
    throw new AppError("CONFLICT", `A listing in state '${s.status}' cannot be submitted`);
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("cat_service")
      .set({ status: "submitted", updated_at: new Date() })
      .where("ambito_id", "=", scope.ambitoId)
      .where("id", "=", id)
      .execute();
    await audit(trx, scope, "listing.submit", id);
  });
  return getListing(db, scope, id);
}

/** The Ambito's approval: the listing goes public and counts as verified now. */
export async function reviewListing(
  db: Db,
  scope: AccessScope,
  id: number,
  decision: "approve" | "reject",
  note?: string,
): Promise<ServiceDto> {
  const s = await repo.findService(db, scope.ambitoId, id);
  if (!s) throw notFound("Service");
  if (s.status !== "submitted") throw new AppError("CONFLICT", "Only a submitted listing can be reviewed");
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("cat_service")
      .set({
        status: decision === "approve" ? "approved" : "rejected",
        review_note: note ?? null,
        ...(decision === "approve" ? { last_verified_at: new Date() } : {}),
        updated_at: new Date(),
      })
      .where("ambito_id", "=", scope.ambitoId)
      .where("id", "=", id)
      .execute();
    await audit(trx, scope, `listing.${decision}`, id);
  });
  return getListing(db, { ...scope, organisations: "all" }, id);
}
