import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Localized } from '../../../shared/common.schema.ts';
import { readDemoInfo } from '../../demo/demo-info.ts';
import type { Module } from '../index.ts';

const PublicInfo = z.object({
  notice: Localized,
  demoUsers: z.array(z.object({ username: z.string(), description: Localized })).optional(),
  demoPassword: z.string().optional(),
});

/** What the login page shows before anyone signs in: the synthetic-data notice and demo logins. */
export const publicModule: Module = {
  name: 'public',
  register(app, platform) {
    app
      .withTypeProvider<ZodTypeProvider>()
      .get('/api/public/info', { schema: { tags: ['public'], response: { 200: PublicInfo } } }, async () => {
        const demo = await readDemoInfo(platform.db);
        if (!demo) {
          return {
            notice: { vi: 'Nền tảng chuyển đổi số ngành giáo dục.', en: 'Education digital-transformation platform.' },
          };
        }
        return { notice: demo.notice, demoUsers: demo.users, demoPassword: platform.config.DEMO_PASSWORD };
      });
  },
};
