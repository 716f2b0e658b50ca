/**
 * Owns how a storage fault reads for a person: at start (an unwritable, wrong-kind or corrupt
 * `DATA_DIR`, a full disk) `main.ts` prints one line naming the variable and exits 1, without a
 * stack; at run time the log names `SQLITE_FULL` and `/healthz` reports the reason.
 *
 * @example describeStorageFault(Object.assign(new Error('x'), { code: 'ENOTDIR' }), './data')
 *   // → './data (or a folder above it) is a file, not a folder; point DATA_DIR at a folder'
 */

const BY_CODE: Record<string, (dataDir: string) => string> = {
  EACCES: (dir) => `${dir} is not writable by this user (permission denied); fix its owner or point DATA_DIR elsewhere`,
  EPERM: (dir) => `${dir} is not writable by this user (operation not permitted); fix its owner or point DATA_DIR elsewhere`,
  EROFS: (dir) => `${dir} is on a read-only file system; point DATA_DIR at a writable folder`,
  ENOTDIR: (dir) => `${dir} (or a folder above it) is a file, not a folder; point DATA_DIR at a folder`,
  EEXIST: (dir) => `${dir} exists and is not a folder; point DATA_DIR at a folder`,
  ENOENT: (dir) => `${dir} cannot be created (a folder above it does not exist or cannot hold folders)`,
  EISDIR: (dir) => `${dir} holds a folder where the database file should be; move it away`,
  ENOSPC: (dir) => `the disk holding ${dir} is full (ENOSPC); free some space`,
  SQLITE_FULL: (dir) => `the disk holding ${dir} is full (SQLITE_FULL); free some space`,
  SQLITE_NOTADB: (dir) => `the database file in ${dir} is not a SQLite database (corrupt or another kind of file); restore it from a backup or move it away`,
  SQLITE_CORRUPT: (dir) => `the database file in ${dir} is corrupt (SQLITE_CORRUPT); restore it from a backup`,
  SQLITE_CANTOPEN: (dir) => `the database file in ${dir} cannot be opened (SQLITE_CANTOPEN); check that ${dir} is a writable folder`,
  SQLITE_READONLY: (dir) => `the database file in ${dir} is read-only (SQLITE_READONLY); fix its permissions`,
  SQLITE_IOERR: (dir) => `reading or writing the database in ${dir} failed (SQLITE_IOERR); check the disk`,
  SQLITE_PERM: (dir) => `the database file in ${dir} may not be opened (SQLITE_PERM); fix its permissions`,
};

/** The error's code, also through a `cause` chain (the migrator wraps the driver's error). */
export function storageErrorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      // better-sqlite3 names extended codes (SQLITE_IOERR_WRITE): the family is the first two parts.
      const family = code.startsWith('SQLITE_') ? code.split('_').slice(0, 2).join('_') : code;
      if (BY_CODE[family]) return family;
    }
  }
  return undefined;
}

/** One line for a person, or undefined when the error is not a known storage fault. */
export function describeStorageFault(error: unknown, dataDir: string): string | undefined {
  const code = storageErrorCode(error);
  return code ? BY_CODE[code]?.(dataDir) : undefined;
}
