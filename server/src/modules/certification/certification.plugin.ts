import type { FastifyPluginAsync } from "fastify";
import { certificationDossierRoutes } from "./certification-dossier.routes";
import { certificationRegisterRoutes } from "./certification-register.routes";
import { seedCertificationCatalogue } from "./certification.catalogue";
import { certificatePublicApi, certificatePublicPage } from "./certification.public";
import { certificationCycleRoutes } from "./certification.routes";

/**
 * The certification module: its API under /api/v1 and the public /verify/<code> page. The criteria
 * catalogue, rules and scoring sheet are seeded (idempotently) when the app starts.
 */
export const certificationModule: FastifyPluginAsync = async (app) => {
  await seedCertificationCatalogue(app.db);
  await app.register(
    async (api) => {
      await api.register(certificationCycleRoutes);
      await api.register(certificationDossierRoutes);
      await api.register(certificationRegisterRoutes);
      await api.register(certificatePublicApi);
    },
    { prefix: "/api/v1" },
  );
  await app.register(certificatePublicPage);
};
