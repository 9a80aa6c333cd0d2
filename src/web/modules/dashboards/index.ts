export { nav } from './nav.ts';
export { routes } from './routes.tsx';
