/**
 * The newsroom JSON API as the demo editor (docs/newsroom-api.md): a session cookie from
 * `POST /newsroom/api/session`, and `X-CSRF-Token` + a same-site `Origin` on every write.
 * @param {string} baseUrl
 * @param {{ email?: string, password?: string }} [account]
 */
export async function loginNewsroom(
  baseUrl,
  { email = "editor@newsdesk.test", password = "demo-password-elif" } = {},
) {
  const login = await fetch(`${baseUrl}/newsroom/api/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  const session = /** @type {{ csrfToken?: string }} */ (await login.json());
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  if (login.status !== 200 || !session.csrfToken || !cookie) {
    throw new Error(
      `newsroom login as ${email} failed: ${login.status} ${JSON.stringify(session)}`,
    );
  }
  const csrf = session.csrfToken;
  /**
   * @param {string} method
   * @param {string} path under /newsroom/api
   * @param {unknown} [body]
   * @returns {Promise<any>}
   */
  const call = async (method, path, body) => {
    const res = await fetch(`${baseUrl}/newsroom/api${path}`, {
      method,
      headers: {
        Cookie: cookie,
        Origin: baseUrl,
        "X-CSRF-Token": csrf,
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (res.status >= 400)
      throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : undefined;
  };
  return { call };
}
