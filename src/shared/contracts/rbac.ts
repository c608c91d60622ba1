/**
 * Roles and permissions: the single matrix used by the server (to authorize) and the web app
 * (to show navigation). A permission not granted here is denied.
 */
export const ROLES = [
  "system_admin",
  "udp_manager",
  "udp_officer",
  "social_worker",
  "accounting_officer",
  "mayor",
  "ets_operator",
  "citizen",
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "territory:read",
  "territory:write",
  "users:read",
  "users:write",
  "audit:read",
  "people:read",
  "people:write",
  "observatory:read",
  "observatory:write",
  "plan:read",
  "plan:write",
  "budget:read",
  "budget:write",
  "catalogue:read",
  "catalogue:write",
  "catalogue:approve",
  "calls:review",
  "applications:submit",
  "cases:read",
  "cases:write",
  "cases:emergency",
  "cases:review",
  "dashboards:read",
  "portal:use",
  "siuss:export",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ_PLANNING: Permission[] = [
  "territory:read",
  "observatory:read",
  "plan:read",
  "budget:read",
  "catalogue:read",
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // Administers accounts, territory and audit; deliberately no access to personal social records.
  system_admin: ["territory:read", "territory:write", "users:read", "users:write", "audit:read"],
  udp_manager: [
    ...READ_PLANNING,
    "observatory:write",
    "plan:write",
    "catalogue:write",
    "catalogue:approve",
    "calls:review",
    "users:read",
    "users:write",
    "audit:read",
    "dashboards:read",
    "cases:review",
    "siuss:export",
  ],
  udp_officer: [
    ...READ_PLANNING,
    "observatory:write",
    "plan:write",
    "catalogue:write",
    "catalogue:approve",
    "calls:review",
    "dashboards:read",
  ],
  // Personal data only within the Comuni (and teams) of the assignment.
  social_worker: [
    "territory:read",
    "observatory:read",
    "catalogue:read",
    "people:read",
    "people:write",
    "cases:read",
    "cases:write",
    "cases:emergency",
    "applications:submit",
  ],
  accounting_officer: ["territory:read", "budget:read", "budget:write", "plan:read"],
  mayor: ["territory:read", "observatory:read", "plan:read", "budget:read", "dashboards:read"],
  ets_operator: ["territory:read", "catalogue:read", "catalogue:write"],
  citizen: ["portal:use", "catalogue:read", "applications:submit"],
};

/** Permissions whose data is personal: always scoped by Comune (and team) and audited. */
export const PERSONAL_DATA_PERMISSIONS: readonly Permission[] = [
  "people:read",
  "people:write",
  "cases:read",
  "cases:write",
  "cases:emergency",
  "siuss:export",
];

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Which scope fields a role's assignment requires. */
export const ROLE_SCOPE: Record<
  Role,
  { ambito: boolean; comune: "required" | "optional" | "none"; organisation: boolean }
> = {
  system_admin: { ambito: false, comune: "none", organisation: false },
  udp_manager: { ambito: true, comune: "none", organisation: false },
  udp_officer: { ambito: true, comune: "none", organisation: false },
  social_worker: { ambito: true, comune: "required", organisation: false },
  accounting_officer: { ambito: true, comune: "optional", organisation: false },
  mayor: { ambito: true, comune: "optional", organisation: false },
  ets_operator: { ambito: true, comune: "none", organisation: true },
  citizen: { ambito: true, comune: "none", organisation: false },
};
