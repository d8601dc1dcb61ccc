/** Small JSON calls to a target outside the measured runs (set-up, payload capture). */
export async function call(
  origin: string,
  method: string,
  path: string,
  key: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any }> {
  const res = await fetch(origin + path, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** Same, but a status other than `expect` stops the bench with the answer in the message. */
export async function expectCall(expect: number, origin: string, method: string, path: string, key: string, body?: unknown): Promise<any> {
  const res = await call(origin, method, path, key, body);
  if (res.status !== expect) throw new Error(`${method} ${path} answered ${res.status}, expected ${expect}: ${JSON.stringify(res.body)}`);
  return res.body;
}
