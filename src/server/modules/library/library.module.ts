import type { Platform } from '../../platform/platform.ts';
import type { Module } from '../index.ts';
import { OrgService } from '../org/org.service.ts';
import { CollectionsService } from './collections.service.ts';
import { libraryRoutes } from './library.routes.ts';
import { libraryFilesRoutes } from './library-files.routes.ts';
import { libraryPackagesRoutes } from './library-packages.routes.ts';
import { LibraryReference } from './library-reference.ts';
import { LibrarySchools } from './library-schools.ts';
import { LibrarySearchService } from './library-search.service.ts';
import { libraryStatsRoutes } from './library-stats.routes.ts';
import { ModeratorsService } from './moderators.service.ts';
import { oaiRoutes } from './oai/oai.routes.ts';
import { ResourcesService } from './resources.service.ts';

export interface LibraryServices {
  reference: LibraryReference;
  resources: ResourcesService;
  search: LibrarySearchService;
  moderators: ModeratorsService;
  collections: CollectionsService;
}

const made = new WeakMap<Platform, LibraryServices>();

/** The library's services of a platform, made once (routes, the benchmark and later parts share them). */
export function libraryServices(platform: Platform): LibraryServices {
  const existing = made.get(platform);
  if (existing) return existing;
  const reference = new LibraryReference(platform.db);
  const schools = new LibrarySchools(new OrgService(platform));
  const resources = new ResourcesService(platform, reference, schools);
  const services: LibraryServices = {
    reference,
    resources,
    search: new LibrarySearchService(platform),
    moderators: new ModeratorsService(platform, reference),
    collections: new CollectionsService(platform, resources),
  };
  made.set(platform, services);
  return services;
}

/** The shared learning library (kho học liệu số): resources, moderation, search, collections. */
export const libraryModule: Module = {
  name: 'library',
  register(app, platform) {
    libraryRoutes(app, libraryServices(platform));
    oaiRoutes(app, platform, libraryServices(platform).reference);
    libraryFilesRoutes(app, platform, libraryServices(platform).resources);
    libraryPackagesRoutes(app, platform, libraryServices(platform));
    libraryStatsRoutes(app, platform, libraryServices(platform));
  },
};
