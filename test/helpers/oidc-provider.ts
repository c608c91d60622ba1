import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
// @ts-expect-error oidc-provider ships no type declarations and @types/oidc-provider is not a dependency.
import Provider from "oidc-provider";

/** The slice of the oidc-provider (a Koa app) this helper uses, since the package is untyped. */
interface ProviderLike {
  callback(): RequestListener;
}

export interface HttpListener {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/**
 * Binds 127.0.0.1 on an ephemeral port before the handler exists: the issuer, PUBLIC_URL and
 * redirect URI need the port, and binding first avoids the race of "find a free port, then listen".
 */
export async function listenEphemeral(): Promise<HttpListener> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** accountId (the OIDC `sub`) → claims released through userinfo; tests add accounts freely. */
  accounts: Map<string, Record<string, string>>;
  /** How the client authenticated at each token request. */
  tokenAuthSeen: ("basic" | "post")[];
  close(): Promise<void>;
}

/**
 * A real oidc-provider with one confidential client (code flow, PKCE required) and its built-in
 * development login and consent pages, which `loginAtProvider` fills in like a browser would.
 */
export async function startOidcProvider(opts: {
  redirectUri: string;
  tokenAuthMethod?: "client_secret_post" | "client_secret_basic";
}): Promise<TestOidcProvider> {
  const listener = await listenEphemeral();
  const clientId = "filiera-test";
  const clientSecret = randomBytes(16).toString("hex");
  const accounts = new Map<string, Record<string, string>>();
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const provider: ProviderLike = new Provider(listener.url, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [opts.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: opts.tokenAuthMethod ?? "client_secret_post",
      },
    ],
    pkce: { required: () => true },
    // Explicit lifetimes keep the provider from printing a notice per artifact type.
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    cookies: { keys: [randomBytes(16).toString("hex")] },
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "test", use: "sig", alg: "RS256" }] },
    claims: { openid: ["sub"], profile: ["name", "given_name", "family_name", "fiscal_number"], email: ["email"] },
    findAccount: (_ctx: unknown, id: string) => {
      const claims = accounts.get(id);
      return claims ? { accountId: id, claims: () => ({ sub: id, ...claims }) } : undefined;
    },
  });
  // oidc-provider accepts client_secret_basic and _post alike, so record which one the client used.
  const tokenAuthSeen: ("basic" | "post")[] = [];
  const handler = provider.callback();
  listener.server.on("request", (req, res) => {
    if (req.method === "POST" && req.url?.startsWith("/token")) {
      tokenAuthSeen.push(req.headers.authorization?.startsWith("Basic ") ? "basic" : "post");
    }
    handler(req, res);
  });
  return { issuer: listener.url, clientId, clientSecret, accounts, tokenAuthSeen, close: listener.close };
}

/** A tiny cookie-keeping HTTP client that never follows redirects by itself. */
export class Browser {
  // Cookies are per host, not per port, as in browsers; names do not clash between provider and app.
  readonly cookies = new Map<string, string>();

  async request(url: string, form?: Record<string, string>, extra: Record<string, string> = {}): Promise<Response> {
    const headers: Record<string, string> = { ...extra };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    if (form) headers["content-type"] = "application/x-www-form-urlencoded";
    const res = await fetch(url, {
      method: form ? "POST" : "GET",
      headers,
      body: form ? new URLSearchParams(form).toString() : undefined,
      redirect: "manual",
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }
}

/**
 * Walks from the provider's authorization URL through its login and consent forms, as `accountId`,
 * and returns the first redirect that leaves the provider (the app's callback URL), unfetched.
 */
export async function loginAtProvider(browser: Browser, authorizationUrl: string, accountId: string): Promise<string> {
  const providerOrigin = new URL(authorizationUrl).origin;
  let url = authorizationUrl;
  let form: Record<string, string> | undefined;
  for (let step = 0; step < 20; step++) {
    const res = await browser.request(url, form);
    form = undefined;
    const location = res.headers.get("location");
    if (res.status >= 300 && res.status < 400 && location) {
      url = new URL(location, url).href;
      if (new URL(url).origin !== providerOrigin) return url;
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (res.status !== 200 || !action || !prompt) {
      throw new Error(`unexpected provider page ${res.status} at ${url}: ${html.slice(0, 500)}`);
    }
    url = new URL(action.replaceAll("&amp;", "&"), url).href;
    form = prompt === "login" ? { prompt, login: accountId, password: "any" } : { prompt };
  }
  throw new Error("the provider did not redirect back within 20 steps");
}
