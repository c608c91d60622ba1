import { Command } from "commander";

type Register = (program: Command) => void;

/**
 * Each top-level command and the module that defines it. Only the module named on the command line
 * is loaded (its services pull in PDF, spreadsheet and XML libraries): a CLI call starts in a
 * fraction of the time. Help and unknown commands load them all.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  db: async () => (await import("./db.ts")).registerDbCommands,
  user: async () => (await import("./user.ts")).registerUserCommands,
  audit: async () => (await import("./audit.ts")).registerAuditCommands,
  territory: async () => (await import("./territory.ts")).registerTerritoryCommands,
  observatory: async () => (await import("./observatory.ts")).registerObservatoryCommands,
  budget: async () => (await import("./budget.ts")).registerBudgetCommands,
  cases: async () => (await import("./cases.ts")).registerCasesCommands,
  plan: async () => (await import("./planning.ts")).registerPlanCommands,
  catalogue: async () => (await import("./catalogue.ts")).registerCatalogueCommands,
  siuss: async () => (await import("./siuss.ts")).registerSiussCommands,
};

const program = new Command()
  .name("filiera")
  .description("Filiera: the information system of Italian local welfare (Ambiti and Comuni)")
  .showHelpAfterError();

const named = process.argv[2];
const wanted = named && named in COMMANDS ? [named] : Object.keys(COMMANDS);
for (const name of wanted) {
  const load = COMMANDS[name];
  if (load) (await load())(program);
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`filiera: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = process.exitCode || 1;
}
