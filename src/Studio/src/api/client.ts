import { ApiError, type Problem } from "./problem";

// Writes made with the session cookie must carry the anti-forgery token (docs/api.md#sign-in). It is bound to
// the signed-in user, so it is fetched after signing in and dropped on signing out.
let antiforgeryToken: string | null = null;

export function forgetAntiforgeryToken() {
  antiforgeryToken = null;
}

async function ensureAntiforgeryToken(): Promise<string> {
  if (antiforgeryToken) return antiforgeryToken;
  const answer = await send<{ token: string }>("GET", "/api/auth/antiforgery");
  antiforgeryToken = answer.token;
  return antiforgeryToken;
}

/**
 * Called when the API says the session has ended in the middle of the user's work. The app keeps the page (and
 * whatever was typed) and asks them to sign in again, rather than throwing the page away.
 */
let onSessionEnded: (() => void) | null = null;
export function whenSessionEnds(callback: () => void) {
  onSessionEnded = callback;
}

export interface RequestOptions {
  body?: unknown;
  /** Multipart form data (a file upload) instead of JSON. */
  form?: FormData;
  headers?: Record<string, string>;
  /** The raw response, for callers that need a header such as ETag. */
  raw?: boolean;
}

const isWrite = (method: string) => method !== "GET" && method !== "HEAD";
const unauthenticated = new Set(["/api/auth/sign-in", "/api/auth/me"]);

async function send<T>(method: string, path: string, options: RequestOptions = {}, retried = false): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", ...options.headers };
  if (isWrite(method) && path !== "/api/auth/sign-in") headers["X-XSRF-TOKEN"] = await ensureAntiforgeryToken();
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, credentials: "same-origin" });
  } catch {
    throw new ApiError(0, { title: "The server could not be reached. Check your connection and try again." });
  }
  if (!response.ok) {
    let problem: Problem;
    try {
      problem = (await response.json()) as Problem;
    } catch {
      problem = { title: `The server answered ${response.status} ${response.statusText}.` };
    }
    // The token is bound to the user: after signing in again (here or in another tab) the one held is stale.
    // Fetch a fresh one and try once more.
    if (response.status === 400 && isWrite(method) && !retried && /anti-?forgery/i.test(`${problem.title} ${problem.detail}`)) {
      forgetAntiforgeryToken();
      return send<T>(method, path, options, true);
    }
    if (response.status === 401 && !unauthenticated.has(path)) {
      forgetAntiforgeryToken();
      onSessionEnded?.();
    }
    throw new ApiError(response.status, problem);
  }
  if (options.raw) return response as unknown as T;
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => send<T>("GET", path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => send<T>("POST", path, { ...options, body }),
  postForm: <T>(path: string, form: FormData, options?: RequestOptions) => send<T>("POST", path, { ...options, form }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => send<T>("PUT", path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => send<T>("DELETE", path, options),
};

/** A query string from the members that have a value. */
export function query(parameters: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) if (value !== undefined && value !== null && value !== "") search.set(name, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** What to tell the user about a failed request, in one sentence. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
