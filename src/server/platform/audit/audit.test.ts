import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { login, type TestApp, testApp } from "../../../../test/helpers/app.ts";
import { createTestAmbito, createTestUser } from "../../../../test/helpers/factories.ts";
import type { Db } from "../../db/database.ts";
import { recordAudit, verifyChain } from "./audit.service.ts";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

const event = (ambitoId: number, i: number) => ({
  ambitoId,
  actorUserId: null,
  actorKind: "system" as const,
  action: "test.event",
  entityType: "thing",
  entityId: String(i),
  details: { zeta: i, alpha: "first", mid: true },
});

/** Tampering as someone with database access would: bypassing the append-only trigger. */
async function tamper(db: Db, statement: ReturnType<typeof sql>) {
  await db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await statement.execute(trx);
  });
}

describe("hash-chained audit log", () => {
  it("chains events, including concurrent ones, and verifies", async () => {
    const a = await createTestAmbito(t.db);
    await Promise.all(Array.from({ length: 20 }, (_, i) => recordAudit(t.db, event(a.id, i))));
    const result = await verifyChain(t.db, a.id);
    expect(result).toMatchObject({ ok: true, events: 20, firstBadSeq: null });
  });

  it("refuses updates and deletes through SQL", async () => {
    const a = await createTestAmbito(t.db);
    await recordAudit(t.db, event(a.id, 1));
    await expect(sql`update audit_event set action = 'x' where chain_id = ${a.id}`.execute(t.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_event where chain_id = ${a.id}`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it("detects an altered row at its sequence number", async () => {
    const a = await createTestAmbito(t.db);
    for (let i = 0; i < 5; i++) await recordAudit(t.db, event(a.id, i));
    await tamper(t.db, sql`update audit_event set entity_id = 'someone-else' where chain_id = ${a.id} and seq = 3`);
    const result = await verifyChain(t.db, a.id);
    expect(result.ok).toBe(false);
    expect(result.firstBadSeq).toBe(3);
    expect(result.reason).toMatch(/altered/);
  });

  it("detects a removed row and a removed tail", async () => {
    const a = await createTestAmbito(t.db);
    for (let i = 0; i < 5; i++) await recordAudit(t.db, event(a.id, i));
    await tamper(t.db, sql`delete from audit_event where chain_id = ${a.id} and seq = 2`);
    expect(await verifyChain(t.db, a.id)).toMatchObject({ ok: false, firstBadSeq: 2 });

    const b = await createTestAmbito(t.db);
    for (let i = 0; i < 3; i++) await recordAudit(t.db, event(b.id, i));
    await tamper(t.db, sql`delete from audit_event where chain_id = ${b.id} and seq = 3`);
    expect(await verifyChain(t.db, b.id)).toMatchObject({ ok: false, firstBadSeq: 3 });
  });

  it("rolls back with the write it audits", async () => {
    const a = await createTestAmbito(t.db);
    await expect(
      t.db.transaction().execute(async (trx) => {
        await recordAudit(trx, event(a.id, 1));
        throw new Error("write failed half-way");
      }),
    ).rejects.toThrow("half-way");
    const rows = await t.db.selectFrom("audit_event").select("seq").where("chain_id", "=", a.id).execute();
    expect(rows).toHaveLength(0);
    await recordAudit(t.db, event(a.id, 2));
    expect(await verifyChain(t.db, a.id)).toMatchObject({ ok: true, events: 1 });
  });
});

describe("audit routes", () => {
  it("lists the Ambito's events with filters and keyset paging, and verifies the chain", async () => {
    const a = await createTestAmbito(t.db);
    const manager = await createTestUser(t.db, [{ role: "udp_manager", ambitoId: a.id }]);
    for (let i = 0; i < 5; i++) await recordAudit(t.db, event(a.id, i));
    await recordAudit(t.db, { ...event(a.id, 99), action: "other.event" });
    const s = await login(t.app, manager.username);

    const page1 = await s.request({ method: "GET", url: `/api/ambiti/${a.slug}/audit?action=test.event&limit=3` });
    expect(page1.statusCode).toBe(200);
    const items = page1.json().items;
    expect(items.map((e: { entityId: string }) => e.entityId)).toEqual(["4", "3", "2"]);
    const page2 = await s.request({
      method: "GET",
      url: `/api/ambiti/${a.slug}/audit?action=test.event&limit=3&beforeSeq=${items[2].seq}`,
    });
    expect(page2.json().items.map((e: { entityId: string }) => e.entityId)).toEqual(["1", "0"]);

    const verify = await s.request({ method: "GET", url: `/api/ambiti/${a.slug}/audit/verify` });
    expect(verify.json()).toMatchObject({ ok: true, events: 6 });
  });

  it("does not show one Ambito's log to another Ambito's manager", async () => {
    const a = await createTestAmbito(t.db);
    const b = await createTestAmbito(t.db);
    const manager = await createTestUser(t.db, [{ role: "udp_manager", ambitoId: b.id }]);
    const s = await login(t.app, manager.username);
    expect((await s.request({ method: "GET", url: `/api/ambiti/${a.slug}/audit` })).statusCode).toBe(403);
  });
});
