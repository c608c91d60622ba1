import type { Command } from "commander";
import { loadConfig } from "../server/config.ts";
import { createUser } from "../server/modules/admin/index.ts";
import { recordAudit } from "../server/platform/audit/audit.service.ts";
import { insertAssignments } from "../server/platform/auth/accounts.repo.ts";
import { hashPassword } from "../server/platform/auth/password.ts";
import { AppError } from "../server/platform/errors.ts";
import { findTenant } from "../server/platform/tenancy.ts";
import { ROLES, type Role } from "../shared/contracts/rbac.ts";
import { printJson, withDatabase } from "./context.ts";

interface AddOptions {
  name: string;
  role: string;
  ambito?: string;
  comune?: string[];
  email?: string;
  password?: string;
  passwordEnv?: string;
  json?: boolean;
}

export function registerUserCommands(program: Command): void {
  const user = program.command("user").description("Accounts and roles");
  user
    .command("add <username>")
    .description("Create an account with one role (scripted set-ups)")
    .requiredOption("--name <displayName>", "full name shown in the UI")
    .requiredOption("--role <role>", `one of: ${ROLES.join(", ")}`)
    .option("--ambito <slug>", "the Ambito of the role (all roles but system_admin)")
    .option("--comune <istat...>", "ISTAT codes of the Comuni the role is limited to (social workers)")
    .option("--email <email>", "e-mail address")
    .option("--password <password>", "initial password (prefer --password-env)")
    .option("--password-env <VAR>", "read the initial password from this environment variable")
    .option("--json", "print the created account as JSON")
    .action(async (username: string, o: AddOptions) => {
      const password = o.passwordEnv ? process.env[o.passwordEnv] : o.password;
      if (!password) throw new Error("give --password or --password-env");
      if (!ROLES.includes(o.role as Role)) throw new Error(`unknown role '${o.role}': use one of ${ROLES.join(", ")}`);
      const config = loadConfig();
      await withDatabase(async ({ db }) => {
        try {
          if (o.role === "system_admin") {
            const hash = await hashPassword(password, config.scryptLogN);
            const id = await db.transaction().execute(async (trx) => {
              const { id } = await trx
                .insertInto("app_user")
                .values({
                  username: username.toLowerCase(),
                  display_name: o.name,
                  email: o.email ?? null,
                  password_hash: hash,
                })
                .returning("id")
                .executeTakeFirstOrThrow();
              await insertAssignments(trx, [{ user_id: id, role: "system_admin", ambito_id: null }]);
              await recordAudit(trx, {
                ambitoId: null,
                actorUserId: null,
                actorKind: "cli",
                action: "user.create",
                entityType: "user",
                entityId: String(id),
                details: { roles: "system_admin" },
              });
              return id;
            });
            return o.json
              ? printJson({ id, username })
              : console.log(`Created system administrator ${username} (id ${id})`);
          }
          if (!o.ambito) throw new Error("--ambito is required for this role");
          const tenant = await findTenant(db, o.ambito);
          if (!tenant) throw new Error(`no Ambito with slug '${o.ambito}'`);
          const roles = (o.comune?.length ? o.comune : [undefined]).map((comuneIstat) => ({
            role: o.role as Role,
            ...(comuneIstat ? { comuneIstat } : {}),
          }));
          const created = await createUser(
            db,
            config,
            tenant.id,
            { username: username.toLowerCase(), displayName: o.name, email: o.email, password, roles },
            { userId: null, kind: "cli", ip: null },
          );
          if (o.json) printJson(created);
          else console.log(`Created ${created.username} (id ${created.id}) as ${o.role} in ${tenant.slug}`);
        } catch (error) {
          if (error instanceof AppError) {
            const fields = (error.fields ?? []).map((f) => `  ${f.path}: ${f.message}`).join("\n");
            throw new Error(`${error.message}${fields ? `\n${fields}` : ""}`);
          }
          throw error;
        }
      });
    });
}
