import { z } from "zod";
import { roleAssignment } from "./auth.ts";
import { ROLES } from "./rbac.ts";

export const userDto = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  active: z.boolean(),
  roles: z.array(roleAssignment),
});
export type UserDto = z.infer<typeof userDto>;

export const usersQuery = z.object({
  q: z.string().trim().max(80).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const assignmentInput = z.object({
  role: z.enum(ROLES),
  comuneIstat: z
    .string()
    .regex(/^\d{6}$/, "must be a 6-digit ISTAT code")
    .optional(),
  teamId: z.number().int().positive().optional(),
  organisationId: z.number().int().positive().optional(),
});

export const createUserBody = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,64}$/, "3-64 characters: letters, digits, dot, dash, underscore"),
  displayName: z.string().trim().min(1, "required").max(120),
  email: z.email().optional(),
  password: z.string().min(12, "at least 12 characters").max(256),
  roles: z.array(assignmentInput).min(1, "at least one role"),
});

export const updateUserBody = z.object({
  displayName: z.string().trim().min(1).max(120).optional(),
  email: z.email().nullable().optional(),
  active: z.boolean().optional(),
  roles: z.array(assignmentInput).min(1, "at least one role").optional(),
});

export const userIdParams = z.object({ ambito: z.string(), id: z.coerce.number().int().positive() });
