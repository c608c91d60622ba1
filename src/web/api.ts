import type { ErrorResponse } from "../shared/contracts/common.ts";

/** A failed API call: HTTP status, the server's error code and message, and any field errors. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: { path: string; message: string }[];
  readonly retryAfterSeconds: number | null;

  constructor(status: number, body: ErrorResponse | null, retryAfter: string | null) {
    super(body?.error.message ?? `HTTP ${status}`);
    this.status = status;
    this.code = body?.error.code ?? "HTTP";
    this.fields = body?.error.fields ?? [];
    const seconds = retryAfter === null ? Number.NaN : Number(retryAfter);
    this.retryAfterSeconds = Number.isFinite(seconds) ? seconds : null;
  }

  /** Field errors keyed by path without the "body." / "querystring." prefix, e.g. "roles.0.comuneIstat". */
  fieldMap(): Record<string, string> {
    const map: Record<string, string> = {};
    for (const f of this.fields) {
      const key = f.path.replace(/^(body|querystring|params)\./, "");
      map[key] ??= f.message;
    }
    return map;
  }
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** The session's CSRF token, sent as X-CSRF-Token on every write (from /api/auth/me or the login). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** What to do when the session is gone (401): the app sends the user to the login page. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

type Query = Record<string, string | number | undefined | null>;

/** Builds "/api/..." with the non-empty query parameters. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

const NO_REDIRECT_ON_401 = ["/api/auth/login"];

async function request<T>(method: string, path: string, body?: unknown, extra?: Record<string, string>): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", ...extra };
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    credentials: "same-origin",
    body: body === undefined ? undefined : form ? body : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data: unknown = text ? safeJson(text) : null;
  if (!response.ok) {
    if (response.status === 401 && !NO_REDIRECT_ON_401.some((p) => path.startsWith(p))) {
      csrfToken = null;
      onUnauthorized?.();
    }
    throw new ApiError(response.status, isErrorResponse(data) ? data : null, response.headers.get("Retry-After"));
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function isErrorResponse(data: unknown): data is ErrorResponse {
  return typeof data === "object" && data !== null && "error" in data;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>("GET", withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, body),
  /** `headers` carries e.g. If-Match for optimistic concurrency (409 when stale). */
  put: <T>(path: string, body: unknown, headers?: Record<string, string>) => request<T>("PUT", path, body, headers),
  /** multipart/form-data (files); the browser sets the boundary. */
  upload: <T>(path: string, form: FormData) => request<T>("POST", path, form),
  delete: <T = void>(path: string, headers?: Record<string, string>) => request<T>("DELETE", path, undefined, headers),
};
