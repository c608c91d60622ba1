import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import type { Db } from "../server/db/database.ts";
import { countExportRows, exportSiuss, issueApiToken } from "../server/modules/siuss/index.ts";
import { AppError } from "../server/platform/errors.ts";
import { findTenant } from "../server/platform/tenancy.ts";
import { seedSyntheticAmbito } from "../server/seed/synthetic/index.ts";
import { printJson, withDatabase } from "./context.ts";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

async function tenantOrFail(db: Db, slug: string) {
  const tenant = await findTenant(db, slug);
  if (!tenant) throw new AppError("NOT_FOUND", `no Ambito with slug '${slug}'`);
  return tenant;
}

function fail(message: string, code = 2): void {
  process.stderr.write(`${message}\n`);
  process.exitCode = code;
}

export function registerSiussCommands(program: Command): void {
  const siuss = program.command("siuss").description("SIUSS: INPS flows PS-PSA-SINA and SINBA, pull API tokens");

  siuss
    .command("export")
    .description("Write the PS-PSA-SINA and SINBA XML files of an Ambito, validated against the INPS schemas")
    .requiredOption("--ambito <slug>", "the Ambito")
    .requiredOption("--out <dir>", "output directory")
    .requiredOption("--operator-cf <cf>", "codice fiscale of the operator sending the flows (Ente@CFOperatore)")
    .option("--from <date>", "period start, YYYY-MM-DD (default: 1 January of this year)")
    .option("--to <date>", "period end, YYYY-MM-DD (default: today)")
    .option("--per-file <n>", "beneficiaries per file", "2000")
    .option("--skip-invalid", "leave out invalid records (listed) instead of writing nothing")
    .option("--json", "print the result as JSON")
    .action(
      async (o: {
        ambito: string;
        out: string;
        operatorCf: string;
        from?: string;
        to?: string;
        perFile: string;
        skipInvalid?: boolean;
        json?: boolean;
      }) => {
        const today = new Date().toISOString().slice(0, 10);
        const from = o.from ?? `${today.slice(0, 4)}-01-01`;
        const to = o.to ?? today;
        if (!DATE.test(from) || !DATE.test(to)) return fail("--from and --to must be dates like 2026-01-31");
        const perFile = Number(o.perFile);
        if (!Number.isInteger(perFile) || perFile < 1) return fail("--per-file must be a positive integer");
        await withDatabase(async ({ db }) => {
          const tenant = await tenantOrFail(db, o.ambito);
          const total = await countExportRows(db, tenant.id, from, to);
          const bar = o.json ? null : new SingleBar({ format: " {phase} [{bar}] {value} rows", hideCursor: true });
          bar?.start(total, 0, { phase: "PS-PSA-SINA" });
          try {
            const result = await exportSiuss(db, tenant.id, {
              from,
              to,
              outDir: o.out,
              operatorFiscalCode: o.operatorCf.toUpperCase(),
              skipInvalid: Boolean(o.skipInvalid),
              perFile,
              actor: { userId: null, kind: "cli" },
              onProgress: (p) => {
                if (p.phase === "SINBA") bar?.setTotal(Math.max(total, p.rows));
                bar?.update(Math.min(p.rows, Math.max(total, p.rows)), {
                  phase: p.phase === "SINBA" ? "SINBA" : "PS-PSA-SINA",
                });
              },
            });
            bar?.stop();
            if (o.json) return printJson(result);
            for (const f of result.files) console.log(`${f.name}  ${f.kind}  ${f.records} records`);
            console.log(
              `${result.beneficiaries} beneficiaries with ${result.benefits} prestazioni, ${result.sinba} SINBA records; ` +
                `${result.skippedNoFiscalCode} without codice fiscale left out (PS needs one)`,
            );
            for (const p of result.problems) console.log(`  LEFT OUT record ${p.record}, ${p.field}: ${p.message}`);
          } catch (err) {
            bar?.stop();
            if (err instanceof AppError && err.code === "VALIDATION") return fail(err.message, 3);
            throw err;
          }
        });
      },
    );

  siuss
    .command("token")
    .description("Issue a bearer token for the SIUSS pull API (the account must hold siuss:export in the Ambito)")
    .requiredOption("--ambito <slug>", "the Ambito")
    .requiredOption("--user <username>", "the account INPS calls as")
    .option("--days <n>", "validity in days", "90")
    .action(async (o: { ambito: string; user: string; days: string }) => {
      const days = Number(o.days);
      if (!Number.isInteger(days) || days < 1 || days > 366) return fail("--days must be between 1 and 366");
      await withDatabase(async ({ db }) => {
        const tenant = await tenantOrFail(db, o.ambito);
        const t = await issueApiToken(db, tenant, o.user, days);
        console.log(t.token);
        process.stderr.write(
          `valid until ${t.expiresAt.toISOString()}; store it in the PDND gateway, it is not shown again\n`,
        );
      });
    });

  siuss
    .command("synthetic")
    .description("Add a synthetic population (never real people) to an Ambito, e.g. to try the export")
    .requiredOption("--ambito <slug>", "the Ambito")
    .option("--people <n>", "how many people", "2500")
    .option("--seed <seed>", "random seed", "filiera")
    .action(async (o: { ambito: string; people: string; seed: string }) => {
      const people = Number(o.people);
      if (!Number.isInteger(people) || people < 1 || people > 200_000) return fail("--people must be 1..200000");
      await withDatabase(async ({ db }) => {
        const tenant = await tenantOrFail(db, o.ambito);
        const counts = await seedSyntheticAmbito(db, tenant.id, { seed: `${o.seed}:${o.ambito}`, people });
        printJson(counts);
      });
    });
}
