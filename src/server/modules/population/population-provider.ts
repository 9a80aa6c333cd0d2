import { getOtpService } from '../../platform/otp/otp-provider.ts';
import type { Platform } from '../../platform/platform.ts';
import { OrgService } from '../org/org.service.ts';
import { DemoPopulationRegistry } from './demo-population-registry.ts';
import { PopulationService } from './population.service.ts';
import type { PopulationRegistry } from './population-registry.ts';

const registries = new WeakMap<Platform, PopulationRegistry>();
const services = new WeakMap<Platform, PopulationService>();

/**
 * Chooses the registry of a platform: the demo registry over synthetic residents until the
 * national connector exists; then `setPopulationRegistry(platform, connector)` at start-up.
 * Looked up at each call, so it can be replaced after the app is built.
 */
export function setPopulationRegistry(platform: Platform, registry: PopulationRegistry | undefined): void {
  if (registry) registries.set(platform, registry);
  else registries.delete(platform);
}

export function getPopulationRegistry(platform: Platform): PopulationRegistry {
  let registry = registries.get(platform);
  if (!registry) {
    registry = new DemoPopulationRegistry(platform.db);
    registries.set(platform, registry);
  }
  return registry;
}

/** The one PopulationService of this platform (admissions calls `lookupChild`, `childrenBornIn`). */
export function getPopulationService(platform: Platform): PopulationService {
  let service = services.get(platform);
  if (!service) {
    service = new PopulationService(platform, {
      registry: () => getPopulationRegistry(platform),
      otp: getOtpService(platform),
      org: new OrgService(platform),
    });
    services.set(platform, service);
  }
  return service;
}
