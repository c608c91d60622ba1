import { registerFundTargetResolver } from "./modules/budget/index.ts";
import { serviceTargetLabels } from "./modules/catalogue/index.ts";
import { objectiveTargetLabels } from "./modules/planning/index.ts";

/**
 * Links between modules that must not import each other: the budget module checks fund
 * allocations against catalogue services and plan objectives through resolvers given here.
 */
export function registerModuleLinks(): void {
  registerFundTargetResolver("service", serviceTargetLabels);
  registerFundTargetResolver("plan_objective", objectiveTargetLabels);
}
