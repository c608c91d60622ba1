import type { Command } from "commander";

export function registerCasesCommands(_program: Command): void {}
