import type { FastifyPluginAsync } from "fastify";
import { certificationCriteriaRoutes } from "./certification-criteria.routes";
import { certificationDossierRoutes } from "./certification-dossier.routes";
import { certificationHistoryRoutes } from "./certification-history.routes";
import { certificationRegisterRoutes } from "./certification-register.routes";
import { seedCertificationCatalogue } from "./certification.catalogue";
import { certificatePublicApi } from "./certification.public";
import { certificationCycleRoutes } from "./certification.routes";

/**
 * The certification module's API (registered under /api/v1). The criteria catalogue, rules and
 * scoring sheet are seeded (idempotently) when the app starts. The public /verify/<code> page is
 * the portal's (news module), from `findCertificateWithPlace`.
 */
export const certificationRoutes: FastifyPluginAsync = async (api) => {
  await seedCertificationCatalogue(api.db);
  await api.register(certificationCycleRoutes);
  await api.register(certificationDossierRoutes);
  await api.register(certificationCriteriaRoutes);
  await api.register(certificationRegisterRoutes);
  await api.register(certificationHistoryRoutes);
  await api.register(certificatePublicApi);
};
