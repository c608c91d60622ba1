/**
 * Open Referral HSDS 3 exchange of the catalogue: a Page of services (the HSDS API envelope), each
 * with its organization, locations, addresses, schedules and attributes. Italian classifications
 * travel as attributes with their own taxonomies (ISTAT user area, SIUSS code, Lombardy unit type,
 * capacity and the Ambito). Import validates everything first and writes all or nothing.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { Ajv, type ErrorObject } from "ajv";
import addFormatsModule from "ajv-formats";
import type { Db } from "../../../db/database.ts";
import { recordAudit } from "../../../platform/audit/audit.service.ts";
import { USER_AREAS } from "../catalogue.contracts.ts";
import { analyzeCatalogue } from "../catalogue.seed.ts";
import type { UserArea } from "../schema.ts";

const SCHEMA = JSON.parse(readFileSync(new URL("./service_with_definitions.json", import.meta.url), "utf8"));
const PAGE_SCHEMA = {
  type: "object",
  required: ["total_items", "contents"],
  properties: {
    total_items: { type: "integer" },
    total_pages: { type: "integer" },
    page_number: { type: "integer" },
    size: { type: "integer" },
    first_page: { type: "boolean" },
    last_page: { type: "boolean" },
    empty: { type: "boolean" },
    contents: { type: "array", items: { $ref: "hsds-service" } },
  },
};

// The HSDS files carry documentation keywords (name, core, constraints…) that strict mode rejects.
const ajv = new Ajv({ strict: false, allErrors: true });
const addFormats = addFormatsModule as unknown as (a: Ajv) => Ajv;
addFormats(ajv);
ajv.addSchema({ ...SCHEMA, $id: "hsds-service" });
const validatePage = ajv.compile(PAGE_SCHEMA);

export const TAXONOMY = {
  ambito: "filiera:ambito",
  userArea: "istat:area-utenza",
  siuss: "inps:siuss-prestazione",
  unitType: "lombardia:unita-offerta",
  capacity: "filiera:capacita",
  kind: "filiera:tipo",
} as const;

/** Stable UUIDs (name-based, RFC 4122 layout) so a re-export gives the same ids. */
export function stableUuid(...parts: (string | number)[]): string {
  const h = createHash("sha256").update(parts.join("|")).digest("hex");
  const variant = ((Number.parseInt(h[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface HsdsPage {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: Record<string, unknown>[];
}

export function validateHsds(doc: unknown): { path: string; message: string }[] {
  if (validatePage(doc)) return [];
  return (validatePage.errors ?? []).map((e: ErrorObject) => ({
    path: e.instancePath || "/",
    message: `${e.message ?? "invalid"}${e.params && "allowedValues" in e.params ? `: ${(e.params.allowedValues as string[]).join(", ")}` : ""}`,
  }));
}

export async function exportHsds(db: Db, ambitoSlug: string): Promise<HsdsPage> {
  const ambito = await db.selectFrom("ambito").select(["id", "slug"]).where("slug", "=", ambitoSlug).executeTakeFirst();
  if (!ambito) throw new Error(`Ambito '${ambitoSlug}' not found`);
  const services = await db
    .selectFrom("cat_service as s")
    .innerJoin("cat_provider as p", (j) =>
      j.onRef("p.ambito_id", "=", "s.ambito_id").onRef("p.id", "=", "s.provider_id"),
    )
    .selectAll("s")
    .select([
      "p.name as provider_name",
      "p.kind as provider_kind",
      "p.tax_code",
      "p.website",
      "p.email as provider_email",
    ])
    .where("s.ambito_id", "=", ambito.id)
    .orderBy("s.id")
    .execute();
  const locations = await db
    .selectFrom("cat_location as l")
    .innerJoin("comune as c", "c.istat_code", "l.comune_istat")
    .selectAll("l")
    .select(["c.name as comune_name", "c.province_abbr"])
    .where("l.ambito_id", "=", ambito.id)
    .orderBy("l.id")
    .execute();
  const bySvc = new Map<number, typeof locations>();
  for (const l of locations) bySvc.set(l.service_id, [...(bySvc.get(l.service_id) ?? []), l]);
  const contents = services.map((s) => {
    const sid = stableUuid(ambito.slug, "service", s.id);
    const attr = (taxonomy: string, code: string, value?: string) => ({
      id: stableUuid(sid, taxonomy),
      link_id: sid,
      link_type: "service",
      link_entity: "service",
      ...(value !== undefined ? { value } : {}),
      taxonomy_term: {
        id: stableUuid(taxonomy, code),
        code,
        name: code,
        description: taxonomy,
        taxonomy,
      },
    });
    const attributes = [
      attr(TAXONOMY.ambito, ambito.slug),
      attr(TAXONOMY.userArea, s.user_area),
      attr(TAXONOMY.kind, s.kind),
      ...(s.siuss_code ? [attr(TAXONOMY.siuss, s.siuss_code)] : []),
      ...(s.unit_type ? [attr(TAXONOMY.unitType, s.unit_type)] : []),
      ...(s.capacity !== null ? [attr(TAXONOMY.capacity, "posti", String(s.capacity))] : []),
    ];
    return {
      id: sid,
      organization_id: stableUuid(ambito.slug, "provider", s.provider_id),
      name: s.name,
      description: s.description,
      status: s.status === "approved" ? "active" : "inactive",
      ...(s.how_to_access ? { application_process: s.how_to_access } : {}),
      ...(s.cost || s.copayment ? { fees_description: [s.cost, s.copayment].filter(Boolean).join(" ") } : {}),
      ...(s.eligibility.length ? { eligibility_description: s.eligibility.map((r) => r.label.it).join("; ") } : {}),
      ...(s.age_min !== null ? { minimum_age: s.age_min } : {}),
      ...(s.age_max !== null ? { maximum_age: s.age_max } : {}),
      ...(s.last_verified_at ? { assured_date: s.last_verified_at.toISOString().slice(0, 10) } : {}),
      last_modified: s.updated_at.toISOString(),
      organization: {
        id: stableUuid(ambito.slug, "provider", s.provider_id),
        name: s.provider_name,
        description: s.provider_kind,
        ...(s.website ? { website: s.website } : {}),
        ...(s.provider_email ? { email: s.provider_email } : {}),
        ...(s.tax_code ? { tax_id: s.tax_code } : {}),
      },
      service_at_locations: (bySvc.get(s.id) ?? []).map((l) => {
        const lid = stableUuid(ambito.slug, "location", l.id);
        return {
          id: stableUuid(sid, lid),
          service_id: sid,
          location_id: lid,
          location: {
            id: lid,
            location_type: "physical",
            ...(l.name ? { name: l.name } : {}),
            ...(l.latitude !== null ? { latitude: l.latitude } : {}),
            ...(l.longitude !== null ? { longitude: l.longitude } : {}),
            external_identifier: l.comune_istat,
            external_identifier_type: "ISTAT",
            addresses: [
              {
                id: stableUuid(lid, "address"),
                location_id: lid,
                address_1: l.address,
                city: l.comune_name,
                state_province: l.province_abbr,
                postal_code: l.postal_code ?? "",
                country: "IT",
                address_type: "physical",
              },
            ],
            schedules: l.opening_hours ? [{ id: stableUuid(lid, "schedule"), description: l.opening_hours }] : [],
          },
        };
      }),
      attributes,
    };
  });
  return {
    total_items: contents.length,
    total_pages: 1,
    page_number: 1,
    size: contents.length,
    first_page: true,
    last_page: true,
    empty: contents.length === 0,
    contents,
  };
}

export class HsdsImportError extends Error {
  constructor(readonly problems: { path: string; message: string }[]) {
    super(`${problems.length} problem(s) in the HSDS file`);
  }
}

interface Attr {
  value?: string;
  taxonomy_term?: { code?: string; taxonomy?: string };
}
interface Svc {
  name: string;
  description?: string;
  status: string;
  application_process?: string;
  fees_description?: string;
  minimum_age?: number;
  maximum_age?: number;
  assured_date?: string;
  organization?: { name: string; description?: string; tax_id?: string; website?: string; email?: string };
  attributes?: Attr[];
  service_at_locations?: {
    location?: {
      name?: string;
      latitude?: number;
      longitude?: number;
      external_identifier?: string;
      addresses?: { address_1: string; city: string; postal_code?: string }[];
      schedules?: { description?: string }[];
    };
  }[];
}

const PROVIDER_KINDS = ["comune", "ambito", "asst", "ets", "private"] as const;

/**
 * Imports an HSDS page into an Ambito (from the file's filiera:ambito attribute, or the one given).
 * Schema errors and domain errors (unknown Comune, user area, Ambito) are all collected with their
 * JSON path before anything is written; then one transaction upserts by provider and service name.
 */
export async function importHsds(
  db: Db,
  doc: unknown,
  opts: { ambito?: string; actor?: "cli" | "system" } = {},
): Promise<{ ambito: string; services: number; created: number; updated: number }> {
  const schemaProblems = validateHsds(doc);
  if (schemaProblems.length) throw new HsdsImportError(schemaProblems);
  const page = doc as { contents: Svc[] };
  const problems: { path: string; message: string }[] = [];
  const attrOf = (s: Svc, taxonomy: string) => s.attributes?.find((a) => a.taxonomy_term?.taxonomy === taxonomy);
  const slugs = new Set(page.contents.map((s) => attrOf(s, TAXONOMY.ambito)?.taxonomy_term?.code).filter(Boolean));
  const slug = opts.ambito ?? (slugs.size === 1 ? [...slugs][0] : undefined);
  if (!slug) {
    throw new HsdsImportError([
      { path: "/", message: "the Ambito is not given (--ambito) and the file does not name exactly one" },
    ]);
  }
  const ambito = await db.selectFrom("ambito").select(["id", "slug"]).where("slug", "=", slug).executeTakeFirst();
  if (!ambito) throw new HsdsImportError([{ path: "/", message: `Ambito '${slug}' not found` }]);
  const comuni = await db
    .selectFrom("ambito_comune as ac")
    .innerJoin("comune as c", "c.istat_code", "ac.comune_istat")
    .select(["c.istat_code", "c.name"])
    .where("ac.ambito_id", "=", ambito.id)
    .execute();
  const byName = new Map(comuni.map((c) => [c.name.toLowerCase(), c.istat_code]));
  const byCode = new Set(comuni.map((c) => c.istat_code));

  const rows = page.contents.map((s, i) => {
    const at = `/contents/${i}`;
    const area = attrOf(s, TAXONOMY.userArea)?.taxonomy_term?.code;
    if (!area || !(USER_AREAS as readonly string[]).includes(area)) {
      problems.push({
        path: `${at}/attributes`,
        message: `needs an ${TAXONOMY.userArea} attribute, one of ${USER_AREAS.join(", ")}`,
      });
    }
    const kind = attrOf(s, TAXONOMY.kind)?.taxonomy_term?.code ?? "service";
    if (!["unit", "service", "measure"].includes(kind)) {
      problems.push({ path: `${at}/attributes`, message: `${TAXONOMY.kind} must be unit, service or measure` });
    }
    const fileAmbito = attrOf(s, TAXONOMY.ambito)?.taxonomy_term?.code;
    if (fileAmbito && fileAmbito !== ambito.slug) {
      problems.push({ path: `${at}/attributes`, message: `belongs to Ambito '${fileAmbito}', not '${ambito.slug}'` });
    }
    if (!s.organization?.name)
      problems.push({ path: `${at}/organization`, message: "the providing organization is required" });
    const capacityText = attrOf(s, TAXONOMY.capacity)?.value;
    const capacity = capacityText === undefined ? null : Number(capacityText);
    if (capacity !== null && !(Number.isInteger(capacity) && capacity >= 0)) {
      problems.push({ path: `${at}/attributes`, message: "capacity must be a whole number" });
    }
    const locations = (s.service_at_locations ?? []).map((sal, j) => {
      const loc = sal.location;
      const address = loc?.addresses?.[0];
      const istat =
        (loc?.external_identifier && byCode.has(loc.external_identifier) ? loc.external_identifier : undefined) ??
        (address ? byName.get(address.city.toLowerCase()) : undefined);
      if (!istat) {
        problems.push({
          path: `${at}/service_at_locations/${j}/location/addresses/0/city`,
          message: `'${address?.city ?? ""}' is not a Comune of ${ambito.slug}`,
        });
      }
      return {
        name: loc?.name ?? null,
        address: address?.address_1 ?? "",
        comune_istat: istat ?? "",
        postal_code: address?.postal_code || null,
        latitude: loc?.latitude ?? null,
        longitude: loc?.longitude ?? null,
        opening_hours:
          loc?.schedules
            ?.map((x) => x.description)
            .filter(Boolean)
            .join("; ") || null,
      };
    });
    const providerKind = (PROVIDER_KINDS as readonly string[]).includes(s.organization?.description ?? "")
      ? (s.organization?.description as (typeof PROVIDER_KINDS)[number])
      : "private";
    return {
      provider: { name: s.organization?.name ?? "", kind: providerKind, tax_code: s.organization?.tax_id ?? null },
      service: {
        name: s.name,
        kind: kind as "unit",
        unit_type: attrOf(s, TAXONOMY.unitType)?.taxonomy_term?.code ?? null,
        description: s.description ?? "",
        user_area: area as UserArea,
        siuss_code: attrOf(s, TAXONOMY.siuss)?.taxonomy_term?.code ?? null,
        age_min: s.minimum_age ?? null,
        age_max: s.maximum_age ?? null,
        capacity,
        cost: s.fees_description ?? null,
        how_to_access: s.application_process ?? null,
        status: s.status === "active" ? ("approved" as const) : ("draft" as const),
        last_verified_at: s.assured_date ? new Date(s.assured_date) : null,
        source: "HSDS import",
      },
      locations,
    };
  });
  if (problems.length) throw new HsdsImportError(problems);

  let created = 0;
  let updated = 0;
  await db.transaction().execute(async (trx) => {
    for (const r of rows) {
      const p = await trx
        .insertInto("cat_provider")
        .values({ ambito_id: ambito.id, ...r.provider })
        .onConflict((oc) => oc.columns(["ambito_id", "name"]).doUpdateSet({ kind: r.provider.kind }))
        .returning("id")
        .executeTakeFirstOrThrow();
      const existing = await trx
        .selectFrom("cat_service")
        .select("id")
        .where("ambito_id", "=", ambito.id)
        .where("provider_id", "=", p.id)
        .where("name", "=", r.service.name)
        .executeTakeFirst();
      let serviceId: number;
      if (existing) {
        await trx
          .updateTable("cat_service")
          .set({ ...r.service, updated_at: new Date() })
          .where("ambito_id", "=", ambito.id)
          .where("id", "=", existing.id)
          .execute();
        await trx
          .deleteFrom("cat_location")
          .where("ambito_id", "=", ambito.id)
          .where("service_id", "=", existing.id)
          .execute();
        serviceId = existing.id;
        updated++;
      } else {
        const s = await trx
          .insertInto("cat_service")
          .values({ ambito_id: ambito.id, provider_id: p.id, ...r.service })
          .returning("id")
          .executeTakeFirstOrThrow();
        serviceId = s.id;
        created++;
      }
      if (r.locations.length) {
        await trx
          .insertInto("cat_location")
          .values(r.locations.map((l) => ({ ambito_id: ambito.id, service_id: serviceId, ...l })))
          .execute();
      }
    }
    await recordAudit(trx, {
      ambitoId: ambito.id,
      actorUserId: null,
      actorKind: opts.actor ?? "cli",
      action: "catalogue.import",
      entityType: "cat_service",
      details: { format: "hsds", created, updated },
    });
  });
  await analyzeCatalogue(db);
  return { ambito: ambito.slug, services: rows.length, created, updated };
}
