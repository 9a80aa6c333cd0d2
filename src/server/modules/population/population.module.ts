import type { Module } from '../index.ts';
import { populationRoutes } from './population.routes.ts';
import { getPopulationService } from './population-provider.ts';

/** The population registry behind the public application (demo registry until the national connector). */
export const populationModule: Module = {
  name: 'population',
  register(app, platform) {
    populationRoutes(app, getPopulationService(platform));
  },
};
