import type { Command } from "commander";

export function registerSiussCommands(_program: Command): void {}
