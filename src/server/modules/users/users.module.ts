import type { Module } from '../index.ts';
import { usersRoutes } from './users.routes.ts';
import { UsersService } from './users.service.ts';

export const usersModule: Module = {
  name: 'users',
  register(app, platform) {
    usersRoutes(app, new UsersService(platform));
  },
};
