import { describe, expect, it } from 'vitest';
import { moduleRoutes, navItems } from './registry.ts';

describe('registry', () => {
  it('orders navigation entries and gives each a unique path', () => {
    const orders = navItems.map((n) => n.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(new Set(navItems.map((n) => n.path)).size).toBe(navItems.length);
  });

  it('has a route for every navigation entry and no duplicate routes', () => {
    const paths = moduleRoutes.map((r) => r.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const item of navItems) expect(paths).toContain(item.path);
  });

  it('protects the audit log and user administration by permission', () => {
    expect(moduleRoutes.find((r) => r.path === '/audit')?.permission).toBe('audit.read');
    expect(moduleRoutes.find((r) => r.path === '/admin/users')?.permission).toBe('users.read');
  });
});
