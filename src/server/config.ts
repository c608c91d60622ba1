import { z } from "zod";

/** The only reader of process.env: every setting is validated at boot and every error listed. */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  PGLITE_DIR: z.string().min(1).default("./data/pglite"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  COOKIE_SECURE: z.enum(["auto", "true", "false"]).default("auto"),
  SCRYPT_LOG_N: z.coerce.number().int().min(10).max(20).default(15),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  SEED_DEMO: z.enum(["true", "false"]).default("true"),
  DEMO_PASSWORD: z.string().min(8).default("filiera-demo-2026"),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_SCOPES: z.string().default("openid profile email"),
  OIDC_FISCAL_CODE_CLAIM: z.string().default("fiscal_number"),
  OIDC_ALLOW_HTTP: z.enum(["true", "false"]).default("false"),
  OIDC_TOKEN_AUTH_METHOD: z.enum(["client_secret_post", "client_secret_basic"]).default("client_secret_post"),
  OIDC_PROVIDER_NAME: z.string().default("SPID / CIE"),
});

export type Env = z.infer<typeof envSchema>;

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  scopes: string;
  fiscalCodeClaim: string;
  allowHttp: boolean;
  tokenAuthMethod: "client_secret_post" | "client_secret_basic";
  providerName: string;
}

export interface Config {
  env: Env["NODE_ENV"];
  port: number;
  host: string;
  publicUrl: string;
  database: { kind: "postgres"; url: string } | { kind: "pglite"; dir: string };
  logLevel: Env["LOG_LEVEL"];
  sessionTtlMs: number;
  cookieSecure: boolean | "auto";
  scryptLogN: number;
  login: { maxFailures: number; windowMs: number };
  seedDemo: boolean;
  demoPassword: string;
  oidc: OidcConfig | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const oidcKeys = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID];
  if (oidcKeys.some(Boolean) && !oidcKeys.every(Boolean)) {
    problems.push("OIDC_ISSUER and OIDC_CLIENT_ID must be set together");
  }
  if (e.NODE_ENV === "production" && e.DEMO_PASSWORD === "filiera-demo-2026" && e.SEED_DEMO === "true") {
    problems.push("SEED_DEMO: demo accounts with the public demo password are not allowed in production");
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const publicUrl = e.PUBLIC_URL ?? `http://${e.HOST === "0.0.0.0" ? "localhost" : e.HOST}:${e.PORT}`;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: publicUrl.replace(/\/$/, ""),
    database: e.DATABASE_URL ? { kind: "postgres", url: e.DATABASE_URL } : { kind: "pglite", dir: e.PGLITE_DIR },
    logLevel: e.LOG_LEVEL,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    cookieSecure: e.COOKIE_SECURE === "auto" ? "auto" : e.COOKIE_SECURE === "true",
    scryptLogN: e.SCRYPT_LOG_N,
    login: { maxFailures: e.LOGIN_MAX_FAILURES, windowMs: e.LOGIN_WINDOW_MINUTES * 60_000 },
    seedDemo: e.SEED_DEMO === "true",
    demoPassword: e.DEMO_PASSWORD,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            scopes: e.OIDC_SCOPES,
            fiscalCodeClaim: e.OIDC_FISCAL_CODE_CLAIM,
            allowHttp: e.OIDC_ALLOW_HTTP === "true",
            tokenAuthMethod: e.OIDC_TOKEN_AUTH_METHOD,
            providerName: e.OIDC_PROVIDER_NAME,
          }
        : undefined,
  };
}
