import { readDemoInfo } from './demo/demo-info.ts';
import { type Config, ConfigError, loadConfig } from './platform/config.ts';
import { DataDirLockedError } from './platform/db/embedded.ts';
import { createLogger } from './platform/logger.ts';
import { activeDemoCode, DEMO_CODE_VAR } from './platform/otp/demo-code.ts';
import { startServer } from './runtime.ts';

/** The one-time code a demo installation accepts when OTP_DEMO_CODE is not set. */
const DEMO_OTP = '123456';

/** `npm start` → the platform on http://localhost:3000 (see README "Configuration"). */
async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config.LOG_LEVEL);
  try {
    const { runtime } = await startServer(config, log);
    const host = config.HOST === '0.0.0.0' || config.HOST === '127.0.0.1' ? 'localhost' : config.HOST;
    const url = config.PUBLIC_URL ?? `http://${host}:${config.PORT}`;
    const demo = await readDemoInfo(runtime.platform.db);
    // The demo's public forms need a one-time code that no phone receives: a fixed demo code
    // (never in production, where demo codes are refused anyway), shown on the form.
    if (demo && config.NODE_ENV !== 'production' && !process.env[DEMO_CODE_VAR]) process.env[DEMO_CODE_VAR] = DEMO_OTP;
    const lines = [
      '',
      `  giaoducso đang chạy tại / is running at  ${url}`,
      `  Tài liệu API / API docs:                 ${url}/api/docs`,
      `  Cơ sở dữ liệu / Database:                ${config.DATABASE_URL ? 'DATABASE_URL' : `embedded PostgreSQL, ${config.DATA_DIR}`}`,
    ];
    if (demo) {
      lines.push(
        `  Đăng nhập thử / Demo sign-in:            ${demo.users
          .map((u) => u.username)
          .slice(0, 4)
          .join(', ')}, … (xem trang đăng nhập / see the login page)`,
        `  Mật khẩu / Password:                     ${config.DEMO_PASSWORD}`,
        ...(activeDemoCode(config.NODE_ENV)
          ? [`  Mã xác thực thử / Demo one-time code:    ${activeDemoCode(config.NODE_ENV)}`]
          : []),
        '  Dữ liệu mẫu là dữ liệu mô phỏng / Demo data is synthetic.',
      );
    }
    console.log(`${lines.join('\n')}\n`);
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(err.message);
      process.exit(3);
    }
    log.fatal({ err }, 'start-up failed');
    process.exit(1);
  }
}

await main();
