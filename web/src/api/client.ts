/**
 * The one fetch wrapper for the API. Every error answer is `{error: {code, message}}`; it
 * becomes an `ApiError` carrying that message, so the page can say plainly what went wrong.
 */

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
  }
}

/** The message of an error answer, or a plain sentence when the body is not ours (a proxy, a crash). */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const body = await response.text().catch(() => '');
  return errorFromText(body, response.status);
}

export function errorFromText(body: string, status: number): ApiError {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    if (parsed.error && typeof parsed.error.message === 'string') {
      return new ApiError(parsed.error.message, status, typeof parsed.error.code === 'string' ? parsed.error.code : 'error');
    }
  } catch {
    // Not JSON: fall through to the plain sentence below.
  }
  return new ApiError(plainStatus(status), status, 'error');
}

function plainStatus(status: number): string {
  if (status === 0) return 'The server could not be reached. Check that Rehearse is still running.';
  if (status === 429) return 'Too many requests right now. Wait a moment and try again.';
  if (status >= 500) return `The server had a problem (HTTP ${status}). Nothing you typed was lost; try again.`;
  return `The request failed (HTTP ${status}).`;
}

/**
 * `fetch` that throws an ApiError for any non-2xx answer and for a network failure. Also
 * used as the chat transport's fetch, so a turn rejected before streaming (409, 429, 502)
 * reaches useChat's error with the server's own words and status.
 */
export async function apiFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(input, init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(plainStatus(0), 0, 'network');
  }
  if (!response.ok) throw await errorFromResponse(response);
  return response;
}

export async function getJson<T>(url: string): Promise<T> {
  const response = await apiFetch(url, { headers: { accept: 'application/json' } });
  return (await response.json()) as T;
}

export async function sendJson<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<T> {
  const response = await apiFetch(url, {
    method,
    headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** An error's message for the page: ours as they are; a raw JSON error body unwrapped; else its message. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) {
    if (error.message.trimStart().startsWith('{')) return errorFromText(error.message, 500).message;
    return error.message;
  }
  return 'Something went wrong.';
}
