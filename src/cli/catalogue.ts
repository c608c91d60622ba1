import type { Command } from "commander";

export function registerCatalogueCommands(_program: Command): void {}
