import type { Command } from "commander";
import { PLATFORM_CHAIN, verifyAll, verifyChain } from "../server/platform/audit/audit.service.ts";
import { findTenant } from "../server/platform/tenancy.ts";
import { printJson, withDatabase } from "./context.ts";

export function registerAuditCommands(program: Command): void {
  const audit = program.command("audit").description("The append-only, hash-chained audit log");
  audit
    .command("verify")
    .description("Recompute every hash chain (or one Ambito's) and report the first altered or missing event")
    .option("--ambito <slug>", "verify only this Ambito's chain")
    .option("--platform", "verify only the platform chain (logins, administration)")
    .option("--json", "print the result as JSON")
    .action(async (o: { ambito?: string; platform?: boolean; json?: boolean }) => {
      await withDatabase(async ({ db }) => {
        let results: Awaited<ReturnType<typeof verifyAll>>;
        if (o.ambito) {
          const tenant = await findTenant(db, o.ambito);
          if (!tenant) throw new Error(`no Ambito with slug '${o.ambito}'`);
          results = [await verifyChain(db, tenant.id)];
        } else if (o.platform) results = [await verifyChain(db, PLATFORM_CHAIN)];
        else results = await verifyAll(db);
        if (o.json) printJson(results);
        else {
          for (const r of results) {
            const name = r.chainId === PLATFORM_CHAIN ? "platform" : `ambito ${r.chainId}`;
            console.log(
              r.ok ? `ok      ${name}: ${r.events} events` : `ALTERED ${name}: event ${r.firstBadSeq}: ${r.reason}`,
            );
          }
        }
        if (results.some((r) => !r.ok)) process.exitCode = 3;
      });
    });
}
