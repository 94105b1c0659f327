// Cluster drill: HTTP requests and sign-in.
import http from "node:http";
import { PASSWORD } from "./config.mjs";

export const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export function request(port, method, url, { body, headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        method,
        path: url,
        agent,
        headers: {
          ...(data ? { "content-type": "application/json", "content-length": data.length } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString();
          let json;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode, headers: res.headers, json, text });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(data);
  });
}

export async function signIn(port, username, password = PASSWORD, xff) {
  const r = await request(port, "POST", "/api/v1/auth/login", {
    body: { username, password },
    headers: xff ? { "x-forwarded-for": xff } : {},
  });
  const cookie = [r.headers["set-cookie"] ?? []].flat().find((c) => c.startsWith("td_session="));
  return { status: r.status, cookie: cookie?.split(";")[0], csrf: r.json?.csrfToken, user: r.json?.user };
}
