import type { Executor } from '../platform/db/database.ts';

export interface DemoInfo {
  notice: { vi: string; en: string };
  users: { username: string; description: { vi: string; en: string } }[];
  loadedAt: string;
}

/** The demo's notice and logins, stored when the demo was loaded; undefined on a real deployment. */
export async function readDemoInfo(db: Executor): Promise<DemoInfo | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'demo').executeTakeFirst();
  return row?.value as DemoInfo | undefined;
}
