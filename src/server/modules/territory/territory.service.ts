import type { AmbitoDetail, ComuneDto } from "../../../shared/contracts/territory.ts";
import type { Db } from "../../db/database.ts";
import { notFound } from "../../platform/errors.ts";
import * as repo from "./territory.repo.ts";

const toComune = (c: {
  istat_code: string;
  cadastral_code: string;
  name: string;
  province_abbr: string;
}): ComuneDto => ({
  istatCode: c.istat_code,
  cadastralCode: c.cadastral_code,
  name: c.name,
  provinceAbbr: c.province_abbr,
});

export async function getAmbitoDetail(db: Db, ambitoId: number): Promise<AmbitoDetail> {
  const a = await repo.findAmbitoDetail(db, ambitoId);
  if (!a) throw notFound("Ambito");
  const [comuni, municipi, teams, organisations] = await Promise.all([
    repo.comuniOfAmbito(db, ambitoId),
    repo.municipiOfAmbito(db, ambitoId),
    repo.teamsOfAmbito(db, ambitoId),
    repo.organisationsOfAmbito(db, ambitoId),
  ]);
  return {
    slug: a.slug,
    name: a.name,
    kind: a.kind,
    region: { code: a.region_code, name: a.region_name },
    ats: a.ats_code && a.ats_name ? { code: a.ats_code, name: a.ats_name } : null,
    asst: a.asst_code && a.asst_name ? { code: a.asst_code, name: a.asst_name } : null,
    leadComuneIstat: a.lead_comune_istat,
    comuni: comuni.map(toComune),
    municipi: municipi.map((m) => ({ id: m.id, number: m.number, name: m.name, comuneIstat: m.comune_istat })),
    teams: teams.map((t) => ({ id: t.id, name: t.name, comuneIstat: t.comune_istat })),
    organisations,
  };
}

export async function searchComuni(db: Db, q: string, limit: number): Promise<ComuneDto[]> {
  return (await repo.searchComuni(db, q, limit)).map(toComune);
}

export async function listAmbitiFor(db: Db, ids: number[] | "all") {
  return (await repo.listAmbiti(db, ids)).map(({ slug, name, kind }) => ({ slug, name, kind }));
}

export async function isComuneOfAmbito(db: Db, ambitoId: number, istat: string): Promise<boolean> {
  return Boolean(await repo.comuneInAmbito(db, ambitoId, istat));
}
