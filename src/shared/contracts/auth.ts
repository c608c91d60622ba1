import { z } from "zod";
import { PERMISSIONS, ROLES } from "./rbac.ts";

export const loginBody = z.object({
  username: z.string().trim().min(1, "required").max(64),
  password: z.string().min(1, "required").max(256),
});

export const roleAssignment = z.object({
  role: z.enum(ROLES),
  ambito: z.string().nullable(),
  comuneIstat: z.string().nullable(),
  teamId: z.number().int().nullable(),
  organisationId: z.number().int().nullable(),
});
export type RoleAssignmentDto = z.infer<typeof roleAssignment>;

export const ambitoPermissions = z.object({
  slug: z.string(),
  name: z.string(),
  kind: z.enum(["ambito", "comune"]),
  permissions: z.array(z.enum(PERMISSIONS)),
});

export const meResponse = z.object({
  user: z.object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    mustChangePassword: z.boolean(),
    authMethod: z.string(),
    roles: z.array(roleAssignment),
    /** Platform-wide permissions (system administrators). */
    globalPermissions: z.array(z.enum(PERMISSIONS)),
  }),
  /** Every Ambito the user may enter, with what the user may do there. */
  ambiti: z.array(ambitoPermissions),
  csrfToken: z.string(),
});
export type MeResponse = z.infer<typeof meResponse>;

export const passwordChangeBody = z.object({
  currentPassword: z.string().min(1, "required").max(256),
  newPassword: z
    .string()
    .min(12, "at least 12 characters")
    .max(256)
    .refine((p) => /[A-Za-z]/.test(p) && /[^A-Za-z]/.test(p), "must mix letters with digits or symbols"),
});

export const authProvidersResponse = z.object({
  local: z.boolean(),
  oidc: z.object({ name: z.string(), loginUrl: z.string() }).nullable(),
});
