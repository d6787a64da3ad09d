/**
 * Reading a file from the seeds folder, and only from it. A contributed
 * repository can carry symbolic links, so a seed or sidecar that resolves
 * outside the folder — or to anything but a regular file — is refused
 * before a byte of it is read: nothing else on the build machine can end up
 * published.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

export type Inside = { ok: true; bytes: Uint8Array } | { ok: false; missing: boolean; reason: string };

/** Why a path is refused, in words an editor reads in check:seeds and the build log. */
const NOT_A_FILE = '不是普通文件（是文件夹、管道或设备），没有读取';

const isMissing = (e: unknown) => (e as NodeJS.ErrnoException).code === 'ENOENT';

/** The bytes of a file, if it really lives in the folder its path names. */
export function readInside(filePath: string): Inside {
  let real: string;
  try {
    lstatSync(filePath);
  } catch (e) {
    return { ok: false, missing: isMissing(e), reason: `打不开（${(e as Error).message}）` };
  }
  try {
    real = realpathSync(filePath);
  } catch {
    return { ok: false, missing: false, reason: '是指向不存在的文件的链接，没有读取' };
  }
  const folder = realpathSync(path.dirname(filePath));
  if (!real.startsWith(folder + path.sep)) {
    return { ok: false, missing: false, reason: '是指向 seeds 文件夹以外的文件的链接，没有读取' };
  }
  // A named pipe or a device would block or never end: only regular files are opened.
  if (!statSync(real).isFile()) return { ok: false, missing: false, reason: NOT_A_FILE };
  let fd: number | null = null;
  try {
    fd = openSync(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    if (!fstatSync(fd).isFile()) return { ok: false, missing: false, reason: NOT_A_FILE };
    return { ok: true, bytes: readFileSync(fd) };
  } catch (e) {
    return { ok: false, missing: false, reason: `打不开（${(e as Error).message}）` };
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
