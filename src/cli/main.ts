import { Command } from "commander";
import { registerAuditCommands } from "./audit.ts";
import { registerBudgetCommands } from "./budget.ts";
import { registerCasesCommands } from "./cases.ts";
import { registerCatalogueCommands } from "./catalogue.ts";
import { registerDbCommands } from "./db.ts";
import { registerObservatoryCommands } from "./observatory.ts";
import { registerPlanCommands } from "./planning.ts";
import { registerSiussCommands } from "./siuss.ts";
import { registerTerritoryCommands } from "./territory.ts";
import { registerUserCommands } from "./user.ts";

const program = new Command()
  .name("filiera")
  .description("Filiera: the information system of Italian local welfare (Ambiti and Comuni)")
  .showHelpAfterError();

registerDbCommands(program);
registerUserCommands(program);
registerAuditCommands(program);
registerTerritoryCommands(program);
registerObservatoryCommands(program);
registerBudgetCommands(program);
registerCasesCommands(program);
registerPlanCommands(program);
registerCatalogueCommands(program);
registerSiussCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`filiera: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = process.exitCode || 1;
}
