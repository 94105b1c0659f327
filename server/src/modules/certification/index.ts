// What other modules (indicators, the demo seed) may use from the certification module.
export {
  agencyRate,
  certificationRate,
  certificationRatesByChild,
  communeRate,
  residentialAreaRate,
} from "./certification.rates";
export { seedCertificationCatalogue } from "./certification.catalogue";
export { seedCertificationDemo } from "./certification.demo";
export { findCertificateWithPlace } from "./certification.public";
export { certificationRoutes } from "./certification.plugin";
