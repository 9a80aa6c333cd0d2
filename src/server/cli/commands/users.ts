import { UserCreate } from '../../../shared/users.schema.ts';
import { findUnit, findUnitByCode } from '../../modules/org/org.repository.ts';
import { findUserByUsername } from '../../modules/users/users.repository.ts';
import { UsersService } from '../../modules/users/users.service.ts';
import { systemActor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/database.ts';
import { CliError, type Command, required, UsageError } from '../command.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The CLI reads the org tree and the accounts like a route would, through their repositories,
// only to turn what an operator types (a unit code, a username) into ids for the services.
async function resolveUnit(db: Db, ref: string): Promise<string> {
  const unit = UUID.test(ref) ? await findUnit(db, ref) : await findUnitByCode(db, ref);
  if (!unit)
    throw new CliError({ vi: `Không tìm thấy đơn vị "${ref}" (mã hoặc id).`, en: `No unit "${ref}" (code or id).` });
  return unit.id;
}

function printTemporary(out: (l?: string) => void, password: string): void {
  out(`Mật khẩu tạm thời / Temporary password:  ${password}`);
  out('  Chỉ hiển thị một lần; phải đổi ở lần đăng nhập đầu tiên.');
  out('  Shown once; it must be changed at the first sign-in.');
}

export const userCreate: Command = {
  name: 'user:create',
  summary: { vi: 'Tạo tài khoản và gán một vai trò trên một đơn vị', en: 'Create an account with a role on a unit' },
  usage:
    'user:create --username <u> --name "<họ tên>" --role <role> --unit <unit code|id> [--email <e>] [--password <p>]',
  help: [
    { vi: '--username  3–60 chữ thường không dấu, số, . _ -', en: '--username  3–60 lowercase letters, digits, . _ -' },
    { vi: '--name      họ và tên, ví dụ "Nguyễn Văn An"', en: '--name      full name, e.g. "Nguyễn Văn An"' },
    {
      vi: '--role      mã vai trò: system_admin, principal, teacher…',
      en: '--role      role code: system_admin, principal, teacher…',
    },
    {
      vi: '--unit      mã hoặc id của đơn vị nhận vai trò',
      en: '--unit      code or id of the unit the role applies to',
    },
    {
      vi: '--password  mật khẩu ban đầu (nên bỏ trống: hệ thống tạo mật khẩu tạm thời)',
      en: '--password  initial password (better omitted: a temporary one is generated)',
    },
  ],
  options: {
    username: { type: 'string' },
    name: { type: 'string' },
    email: { type: 'string' },
    role: { type: 'string' },
    unit: { type: 'string' },
    password: { type: 'string' },
  },
  positionals: [],
  async run(ctx, args) {
    const username = required(args, 'username');
    const fullName = required(args, 'name').normalize('NFC');
    const role = required(args, 'role');
    const unit = required(args, 'unit');
    const input = UserCreate.safeParse({
      username,
      fullName,
      email: args.values.email,
      password: args.values.password,
      grants: [],
    });
    if (!input.success) {
      const option = (p: PropertyKey | undefined) => `--${p === 'fullName' ? 'name' : String(p)}`;
      const lines = input.error.issues.map((i) => `  ${option(i.path[0])}: ${i.message}`).join('\n');
      const names = [...new Set(input.error.issues.map((i) => option(i.path[0])))].join(', ');
      throw new UsageError({ vi: `Giá trị không hợp lệ:\n${lines}`, en: `Invalid values: ${names}.` });
    }
    const { platform } = await ctx.runtime();
    const unitId = await resolveUnit(platform.db, unit);
    const users = new UsersService(platform);
    const actor = systemActor('cli');
    const roles = (await users.roles(actor)).map((r) => r.code);
    if (!roles.includes(role)) {
      const known = roles.join(', ');
      throw new UsageError({
        vi: `Không có vai trò "${role}". Các vai trò: ${known}`,
        en: `No role "${role}". Roles: ${known}`,
      });
    }
    const created = await users.create(actor, { ...input.data, grants: [{ role, unitId }] });
    ctx.out(`Đã tạo tài khoản / Account created:  ${created.user.username} (${created.user.id})`);
    ctx.out(`Vai trò / Role:  ${created.user.grants.map((g) => `${g.roleName.vi} – ${g.unitName}`).join('; ')}`);
    if (created.temporaryPassword) printTemporary(ctx.out, created.temporaryPassword);
    else
      ctx.out(
        'Mật khẩu đã đặt phải được đổi ở lần đăng nhập đầu tiên / The given password must be changed at the first sign-in.',
      );
    return 0;
  },
};

export const userResetPassword: Command = {
  name: 'user:reset-password',
  summary: { vi: 'Đặt lại mật khẩu tạm thời cho một tài khoản', en: 'Give an account a new temporary password' },
  usage: 'user:reset-password --username <u>',
  help: [
    {
      vi: 'Kết thúc mọi phiên đăng nhập của tài khoản; mật khẩu mới phải được đổi khi đăng nhập.',
      en: 'Ends every session of the account; the new password must be changed at sign-in.',
    },
  ],
  options: { username: { type: 'string' } },
  positionals: [],
  async run(ctx, args) {
    const username = required(args, 'username').trim().toLowerCase();
    const { platform } = await ctx.runtime();
    const user = await findUserByUsername(platform.db, username);
    if (!user) throw new CliError({ vi: `Không có tài khoản "${username}".`, en: `No account "${username}".` });
    const { temporaryPassword } = await new UsersService(platform).resetPassword(systemActor('cli'), user.id);
    ctx.out(`Đã đặt lại mật khẩu / Password reset:  ${username}`);
    printTemporary(ctx.out, temporaryPassword);
    return 0;
  },
};
