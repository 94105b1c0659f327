import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { unitByCode } from "../../test/factories";

/** Demo-like places: Cà Mau province, Phường Bạc Liêu and Phường An Xuyên. */
export async function places(app: FastifyInstance) {
  return {
    province: await unitByCode(app.db, "province", "96"),
    baclieu: await unitByCode(app.db, "commune", "31825"),
    anxuyen: await unitByCode(app.db, "commune", "32002"),
  };
}

let n = 0;
/** A fresh client address per call unless given, so rate limits do not mix tests. */
export function citizen(
  app: FastifyInstance,
  url: string,
  payload: unknown,
  remoteAddress = `198.51.100.${(n += 1) % 250}`,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: "POST",
    url: `/api/v1/public${url}`,
    payload: payload as object,
    remoteAddress,
  });
}

/** The smallest valid crime tip (the public form's required fields). */
export function tipBody(
  provinceId: string,
  communeId?: string,
  description = "Có người bán ma túy ở đầu hẻm 12",
) {
  return { category: "drugs", description, provinceId, ...(communeId ? { communeId } : {}) };
}
