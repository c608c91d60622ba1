import { Command } from "commander";
import { registerAuditCommands } from "./audit.ts";
import { registerBudgetCommands } from "./budget.ts";
import { registerDbCommands } from "./db.ts";
import { registerObservatoryCommands } from "./observatory.ts";
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

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`filiera: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = process.exitCode || 1;
}
