import { createHash } from "node:crypto";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { login, type Session, type TestApp, testApp } from "../../../../test/helpers/app.ts";
import { createTestAmbito, createTestUser, type TestAmbito } from "../../../../test/helpers/factories.ts";
import { findTenant, type Tenant } from "../../platform/tenancy.ts";
import { seedSyntheticAmbito } from "../../seed/synthetic/index.ts";
import type { FlowDto } from "./flows.contracts.ts";
import { issueApiToken } from "./siuss.auth.ts";
import { exportSiuss } from "./siuss.service.ts";

const TODAY = "2026-11-25";
// Not siuss.api.test.ts's code: test files share a database per worker (isolate: false).
const OPERATOR = "VRDGPP80A01H501U";
let t: TestApp;
let ambito: TestAmbito;
let udp: { id: number; username: string; s: Session };
let worker: Session;
let token: string;
const sha = (b: Buffer | string) => createHash("sha256").update(b).digest("hex");
const flowsUrl = () => `/api/ambiti/${ambito.slug}/siuss/flows`;

beforeAll(async () => {
  t = await testApp();
  ambito = await createTestAmbito(t.db);
  const as = await createTestUser(t.db, [
    { role: "social_worker", ambitoId: ambito.id, comuneIstat: ambito.comuni.rozzano },
  ]);
  await seedSyntheticAmbito(t.db, ambito.id, { seed: "flows", people: 300, today: TODAY });
  const u = await createTestUser(t.db, [{ role: "udp_manager", ambitoId: ambito.id }], "inps");
  await t.db.updateTable("app_user").set({ fiscal_code: OPERATOR }).where("id", "=", u.id).execute();
  udp = { ...u, s: await login(t.app, u.username) };
  worker = await login(t.app, as.username);
  token = (await issueApiToken(t.db, (await findTenant(t.db, ambito.slug)) as Tenant, u.username, 30)).token;
});

async function list(query = ""): Promise<{ total: number; items: FlowDto[] }> {
  const res = await udp.s.request({ method: "GET", url: `${flowsUrl()}${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe("SIUSS flow register (siuss_flow)", () => {
  it("records each export file with who, period, count and the SHA-256 of the bytes written", async () => {
    const dir = await mkdtemp(join(tmpdir(), "siuss-flows-"));
    const result = await exportSiuss(t.db, ambito.id, {
      from: "2026-01-01",
      to: TODAY,
      outDir: dir,
      operatorFiscalCode: OPERATOR,
      today: TODAY,
      perFile: 40,
      actor: { userId: udp.id, kind: "user" },
    });
    expect(result.files.length).toBeGreaterThan(1);
    const page = await list("?channel=file");
    expect(page.total).toBe(result.files.length);
    for (const f of result.files) {
      const row = page.items.find((i) => `${i.flowId}.xml` === f.name);
      expect(row, f.name).toBeDefined();
      const bytes = await readFile(join(dir, f.name));
      expect(row).toMatchObject({
        kind: f.kind,
        channel: "file",
        periodFrom: "2026-01-01",
        periodTo: TODAY,
        records: f.records,
        sizeBytes: bytes.length,
        sha256: sha(bytes),
        validation: "valid",
        validationErrors: 0,
        esito: null,
        generatedBy: { userId: udp.id, kind: "user" },
      });
    }
    const sinba = await list("?kind=SINBA&channel=file");
    expect(sinba.items.every((i) => i.kind === "SINBA")).toBe(true);
    expect(sinba.total).toBe(result.files.filter((f) => f.kind === "SINBA").length);
  });

  it("records the flows the pull API hands to INPS, with the token, and INPS's esito on them", async () => {
    const res = await t.app.inject({
      method: "GET",
      url: `/api/ambiti/${ambito.slug}/siuss/waas/v1/flussi?since=0&limit=3`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(200);
    const pulled = res.json().elenco_flussi as { id_flusso: string; flusso: string; tipo: string }[];
    expect(pulled.length).toBe(3);
    const api = await list("?channel=api");
    expect(api.total).toBe(3);
    const tokenRef = sha(token).slice(0, 12);
    for (const p of pulled) {
      const row = api.items.find((i) => i.flowId === p.id_flusso);
      expect(row).toMatchObject({
        kind: p.tipo,
        records: 1,
        apiToken: tokenRef,
        validation: "valid",
        sha256: sha(Buffer.from(p.flusso, "base64")),
      });
    }
    const first = pulled[0] as { id_flusso: string; tipo: string };
    const esiti = await t.app.inject({
      method: "POST",
      url: `/api/ambiti/${ambito.slug}/siuss/waas/v1/esiti`,
      headers: { authorization: `Bearer ${token}` },
      payload: {
        elenco_esiti: [
          {
            id_flusso: first.id_flusso,
            tipo: first.tipo,
            ts_flusso: "2026-11-25T10:00:00.000Z",
            ts_acquisizione: "2026-11-25T12:00:00.000Z",
            codice_esito: "OK",
            id_acquisizione_siuss: "ACQ-42",
          },
        ],
      },
    });
    expect(esiti.statusCode).toBe(204);
    const done = await list("?esito=OK");
    expect(done.items.map((i) => i.flowId)).toEqual([first.id_flusso]);
    expect(done.items[0]?.esito).toMatchObject({
      code: "OK",
      acquiredAt: "2026-11-25T12:00:00.000Z",
      acquisitionId: "ACQ-42",
    });
    expect((await list("?channel=api&esito=none")).total).toBe(2);
  });

  it("keeps the register for siuss:export holders, with field errors for bad filters", async () => {
    expect((await worker.request({ method: "GET", url: flowsUrl() })).statusCode).toBe(403);
    const bad = await udp.s.request({ method: "GET", url: `${flowsUrl()}?kind=XML&limit=0` });
    expect(bad.statusCode).toBe(400);
    const paths = (bad.json().error.fields as { path: string }[]).map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(["querystring.kind", "querystring.limit"]));
    const paged = await list("?limit=1&offset=1");
    expect(paged.items.length).toBe(1);
    expect(paged.total).toBeGreaterThan(2);
  });
});
