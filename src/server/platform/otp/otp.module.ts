import type { Module } from '../../modules/index.ts';
import { DEMO_CODE_VAR, demoCodeStatus } from './demo-code.ts';
import { otpRoutes } from './otp.routes.ts';
import { getOtpService } from './otp-provider.ts';

/** One-time codes for the public: /api/public/otp/request and /verify. */
export const otpModule: Module = {
  name: 'otp',
  register(app, platform) {
    const demo = demoCodeStatus(platform.config.NODE_ENV);
    if (demo.kind === 'active') {
      platform.log.warn(
        `${DEMO_CODE_VAR} is set: the fixed code is accepted for every one-time-code check. Demo and tests only.`,
      );
    } else if (demo.kind === 'ignored') {
      platform.log.warn({ reason: demo.reason }, `${DEMO_CODE_VAR} is set but ignored`);
    }
    otpRoutes(app, getOtpService(platform));
  },
};
