import type { Db } from "../db/database.ts";

export interface Tenant {
  id: number;
  slug: string;
  name: string;
  kind: "ambito" | "comune";
}

/** Ambito by slug; cached briefly since every tenant request resolves one. */
const cache = new Map<string, { tenant: Tenant | undefined; at: number }>();
const TTL_MS = 30_000;

export async function findTenant(db: Db, slug: string): Promise<Tenant | undefined> {
  const hit = cache.get(slug);
  if (hit?.tenant && Date.now() - hit.at < TTL_MS) return hit.tenant;
  const tenant = await db
    .selectFrom("ambito")
    .select(["id", "slug", "name", "kind"])
    .where("slug", "=", slug)
    .executeTakeFirst();
  if (tenant) cache.set(slug, { tenant, at: Date.now() });
  return tenant;
}

export function forgetTenants(): void {
  cache.clear();
}
