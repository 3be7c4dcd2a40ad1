/**
 * Every way `xsg fill` can fail, said in Chinese for the official: system errors (errno codes)
 * in words, the file layer's own messages as they are, and anything unexpected as one plain
 * sentence — never a stack trace or an English internal message (XSG_DEBUG=1 adds the detail).
 */

const ERRNO_TEXT: Readonly<Record<string, string>> = {
  ENOENT: "文件或文件夹不存在",
  EACCES: "没有访问权限",
  EPERM: "操作不被允许（没有权限）",
  ENOSPC: "磁盘空间不足",
  EDQUOT: "磁盘配额已用完",
  EISDIR: "这是一个文件夹，不是文件",
  ENOTDIR: "路径中有一级不是文件夹",
  EROFS: "所在磁盘是只读的",
  EBUSY: "文件正被其他程序占用",
  EEXIST: "文件已存在",
  EMFILE: "打开的文件过多",
  ENFILE: "打开的文件过多",
  ENAMETOOLONG: "文件名或路径过长",
  EIO: "磁盘读写错误",
  EFBIG: "文件过大",
  ELOOP: "路径中的链接形成了循环",
  EINVAL: "文件名或参数无效",
  ETXTBSY: "文件正被占用",
};

/** A system error (fs) in Chinese, from its code; the English text never reaches the official. */
export function errnoText(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== "string" || !/^E[A-Z]+$/.test(code)) return null;
  return ERRNO_TEXT[code] ?? `系统错误 ${code}`;
}

/**
 * Errors whose message is already written for the official (Chinese, naming what is wrong), told
 * by name so that `xsg award` does not load the file modules to recognise them.
 */
const OFFICIALS_ERRORS = new Set([
  "BrokenXmlError",
  "ZipFormatError",
  "WorkbookOpenError",
  "FileLimitError",
  "FillError",
]);

function isOfficialsMessage(error: unknown): error is Error {
  return error instanceof Error && OFFICIALS_ERRORS.has(error.name);
}

/** What went wrong, in one Chinese phrase. */
export function failureDetail(error: unknown, env: NodeJS.ProcessEnv = process.env): string {
  if (isOfficialsMessage(error)) return error.message;
  const errno = errnoText(error);
  if (errno) return errno;
  // V8's "Invalid string length" / "Array buffer allocation failed": the file is beyond what fits.
  if (error instanceof RangeError) return "文件过大，内存不足以处理：请把表格拆分成较小的文件后再填充";
  const debug = env.XSG_DEBUG ? `：${error instanceof Error ? (error.stack ?? error.message) : String(error)}` : "";
  return `处理时发生意外错误（可设置环境变量 XSG_DEBUG=1 查看详情并向维护人员报告）${debug}`;
}
