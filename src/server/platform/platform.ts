import { Access } from './access/access.ts';
import { Audit } from './audit/audit.service.ts';
import { AuthService } from './auth/auth.service.ts';
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import { createStorage, type Storage } from './files/storage.ts';
import type { Logger } from './logger.ts';
import { type LazySigning, lazySigning } from './signing/signing.ts';

/** What every module gets: configuration, database, logger, access, audit, file storage, PDF signing. */
export interface Platform {
  config: Config;
  db: Db;
  log: Logger;
  access: Access;
  audit: Audit;
  auth: AuthService;
  storage: Storage;
  /** PAdES signing and verification of issued PDFs (built on first use). */
  signing: LazySigning;
}

export function createPlatform(config: Config, db: Db, log: Logger): Platform {
  const access = new Access(db);
  const audit = new Audit(db, access);
  return {
    config,
    db,
    log,
    access,
    audit,
    auth: new AuthService(db, audit, config),
    storage: createStorage(config),
    signing: lazySigning(config),
  };
}
