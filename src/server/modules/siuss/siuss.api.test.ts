import { beforeAll, describe, expect, it } from "vitest";
import { login, type TestApp, testApp } from "../../../../test/helpers/app.ts";
import { createTestAmbito, createTestUser, type TestAmbito } from "../../../../test/helpers/factories.ts";
import { AppError } from "../../platform/errors.ts";
import { findTenant, type Tenant } from "../../platform/tenancy.ts";
import { seedSyntheticAmbito } from "../../seed/synthetic/index.ts";
import { issueApiToken } from "./siuss.auth.ts";
import { validateFlow } from "./validate.ts";

let t: TestApp;
let ambito: TestAmbito;
let tenant: Tenant;
let token: string;
let udpUsername: string;
const base = () => `/api/ambiti/${ambito.slug}/siuss/waas/v1`;
const bearer = (tok: string) => ({ authorization: `Bearer ${tok}` });

beforeAll(async () => {
  t = await testApp();
  ambito = await createTestAmbito(t.db);
  await createTestUser(t.db, [{ role: "social_worker", ambitoId: ambito.id, comuneIstat: ambito.comuni.rozzano }]);
  await seedSyntheticAmbito(t.db, ambito.id, { seed: "api", people: 250 });
  const udp = await createTestUser(t.db, [{ role: "udp_manager", ambitoId: ambito.id }], "inps");
  udpUsername = udp.username;
  await t.db.updateTable("app_user").set({ fiscal_code: "RSSMRA80A01H501U" }).where("id", "=", udp.id).execute();
  tenant = (await findTenant(t.db, ambito.slug)) as Tenant;
  token = (await issueApiToken(t.db, tenant, udp.username, 30)).token;
});

describe("SIUSS pull API (api-comuni.yaml)", () => {
  it("answers 401 problem+json without a bearer token, and ignores a browser session", async () => {
    const none = await t.app.inject({ method: "GET", url: `${base()}/flussi?since=0` });
    expect(none.statusCode).toBe(401);
    expect(none.headers["content-type"]).toContain("application/problem+json");
    expect(none.json()).toMatchObject({ status: 401, title: "Unauthorized" });
    const session = await login(t.app, udpUsername);
    expect((await session.request({ method: "GET", url: `${base()}/flussi?since=0` })).statusCode).toBe(401);
    const forged = await t.app.inject({
      method: "GET",
      url: `${base()}/flussi?since=0`,
      headers: bearer("x".repeat(43)),
    });
    expect(forged.statusCode).toBe(401);
  });

  it("refuses tokens for accounts without siuss:export, and a token used on another Ambito", async () => {
    const worker = await createTestUser(t.db, [
      { role: "social_worker", ambitoId: ambito.id, comuneIstat: ambito.comuni.rozzano },
    ]);
    await expect(issueApiToken(t.db, tenant, worker.username, 30)).rejects.toBeInstanceOf(AppError);
    const other = await createTestAmbito(t.db);
    const res = await t.app.inject({
      method: "GET",
      url: `/api/ambiti/${other.slug}/siuss/waas/v1/flussi?since=0`,
      headers: bearer(token),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ status: 403 });
  });

  it("returns flows of one beneficiary and one prestazione, valid against their XSD, in change order", async () => {
    const res = await t.app.inject({ method: "GET", url: `${base()}/flussi?since=0&limit=8`, headers: bearer(token) });
    expect(res.statusCode).toBe(200);
    const flows = res.json().elenco_flussi as {
      id_flusso: string;
      tipo: "PS_PSA_SINA" | "SINBA";
      ts_flusso: string;
      flusso: string;
      codice_ente: string;
    }[];
    expect(flows.length).toBe(8);
    const times = flows.map((f) => Date.parse(f.ts_flusso));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    for (const f of flows) {
      expect(f.codice_ente).toMatch(/^[A-Z][0-9]{3}$/);
      expect(f.id_flusso).toMatch(/^[A-Z][0-9]{3}\.(PS|SINBA)\.\d{8}\.\d{7}$/);
      const xml = Buffer.from(f.flusso, "base64").toString("utf8");
      expect((await validateFlow(f.tipo, xml)).problems).toEqual([]);
      if (f.tipo === "PS_PSA_SINA") {
        expect(xml.match(/<Beneficiario /g)?.length).toBe(1);
        expect(xml.match(/<PrestazioniSociali /g)?.length).toBe(1);
      } else expect(xml.match(/<SINBA /g)?.length).toBe(1);
    }
    const since = times[times.length - 1] as number;
    const next = await t.app.inject({
      method: "GET",
      url: `${base()}/flussi?since=${since}&limit=100`,
      headers: bearer(token),
    });
    const later = next.json().elenco_flussi as { ts_flusso: string; id_flusso: string }[];
    expect(later.length).toBeGreaterThan(0);
    for (const f of later) expect(Date.parse(f.ts_flusso)).toBeGreaterThan(since);
    const firstIds = new Set(flows.map((f) => f.id_flusso));
    expect(later.some((f) => firstIds.has(f.id_flusso))).toBe(false);
    const far = await t.app.inject({
      method: "GET",
      url: `${base()}/flussi?since=${Date.now() + 60_000}`,
      headers: bearer(token),
    });
    expect(far.json()).toEqual({ elenco_flussi: [] });
  });

  it("validates parameters and bodies with problem+json 400s", async () => {
    const noSince = await t.app.inject({ method: "GET", url: `${base()}/flussi`, headers: bearer(token) });
    expect(noSince.statusCode).toBe(400);
    expect(noSince.json().detail).toContain("since");
    const big = await t.app.inject({
      method: "GET",
      url: `${base()}/flussi?since=0&limit=101`,
      headers: bearer(token),
    });
    expect(big.statusCode).toBe(400);
    const badEsito = await t.app.inject({
      method: "POST",
      url: `${base()}/esiti`,
      headers: bearer(token),
      payload: { elenco_esiti: [{ id_flusso: "X", codice_esito: "FORSE" }] },
    });
    expect(badEsito.statusCode).toBe(400);
  });

  it("records INPS outcomes in the audit log (codes only) and answers 204", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: `${base()}/esiti`,
      headers: bearer(token),
      payload: {
        elenco_esiti: [
          {
            id_flusso: "H623.PS.20261125.0000002",
            tipo: "PS_PSA_SINA",
            ts_flusso: "2026-11-25T11:04:56.852Z",
            ts_acquisizione: "2026-11-25T12:00:00.000Z",
            codice_esito: "RICHIESTA_INVALIDA",
            descrizione_esito: "Mario Rossi: dato non valido",
          },
        ],
      },
    });
    expect(res.statusCode).toBe(204);
    const ev = await t.db
      .selectFrom("audit_event")
      .select(["entity_id", "details"])
      .where("ambito_id", "=", ambito.id)
      .where("action", "=", "siuss.esito")
      .executeTakeFirstOrThrow();
    expect(ev.entity_id).toBe("H623.PS.20261125.0000002");
    expect(ev.details).toMatchObject({ codice_esito: "RICHIESTA_INVALIDA" });
    expect(JSON.stringify(ev.details)).not.toContain("Rossi");
    const pulls = await t.db
      .selectFrom("audit_event")
      .select("details")
      .where("ambito_id", "=", ambito.id)
      .where("action", "=", "siuss.pull")
      .execute();
    expect(pulls.length).toBeGreaterThan(0);
  });

  it("reports its status as problem+json", async () => {
    const res = await t.app.inject({ method: "GET", url: `${base()}/status` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json()).toMatchObject({ status: 200 });
  });
});
