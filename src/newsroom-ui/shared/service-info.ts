import {
  isServiceId,
  services as serviceRegistry,
} from "../../domain/services/service-registry.js";
import type { ServiceInfo } from "./api-schemas.js";
import { contentDirection } from "./format.js";

/**
 * A service's name, locale and direction: from GET /services (the services the user can
 * see), else from the registry (a story or an alert entry in a service the user has no
 * role in), else the bare id.
 */
export function serviceFor(serviceId: string, visible: readonly ServiceInfo[]): ServiceInfo {
  const found = visible.find((service) => service.id === serviceId);
  if (found) return found;
  if (isServiceId(serviceId)) {
    const config = serviceRegistry[serviceId];
    const { dir } = contentDirection({ locale: config.locale });
    return {
      id: config.id,
      name: config.name,
      locale: config.locale,
      dir,
      urlPrefix: config.urlPrefix,
      roles: [],
    };
  }
  return {
    id: serviceId,
    name: serviceId,
    locale: "en",
    dir: "ltr",
    urlPrefix: serviceId,
    roles: [],
  };
}
