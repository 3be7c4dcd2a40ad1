/**
 * `npm stop`: stops what `npm start` started (recorded in .xsg-dev-server.pid) — the dev
 * server, the `npm start` process itself, and on Windows/macOS the sideloaded add-in
 * (office-addin-debugging stop). Safe to run when nothing is running.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { isAlive, killTree, OFFICE_ADDIN_DEBUGGING, PID_FILE, readPidFile } from "./start.mjs";

const record = readPidFile();
if (!record) {
  console.log("没有正在运行的开发服务器 / nothing to stop (no .xsg-dev-server.pid)");
  process.exit(0);
}

if (record.sideloaded) {
  console.log(
    `正在从 Excel 移除旁加载的加载项 / removing the sideloaded add-in (npx ${OFFICE_ADDIN_DEBUGGING} stop) …`,
  );
  spawnSync("npx", ["--yes", OFFICE_ADDIN_DEBUGGING, "stop", record.sideloaded], {
    stdio: "inherit",
    shell: process.platform === "win32",
  });
}

/** Guards against a stale pid file whose pid now belongs to another program (checked where /proc exists). */
function stillOurs(pid, marker) {
  const cmdline = `/proc/${pid}/cmdline`;
  if (!fs.existsSync("/proc/self/cmdline")) return true;
  try {
    return fs.readFileSync(cmdline, "utf8").includes(marker);
  } catch {
    return false;
  }
}

const pids = [
  [record.serverPid, "webpack"],
  [record.startPid, "start.mjs"],
]
  .filter(([pid, marker]) => pid && pid !== process.pid && isAlive(pid) && stillOurs(pid, marker))
  .map(([pid]) => pid);
for (const pid of pids) killTree(pid);

// Give them a few seconds to exit cleanly, then insist.
const deadline = Date.now() + 10_000;
while (pids.some(isAlive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
for (const pid of pids.filter(isAlive)) {
  try {
    process.kill(process.platform === "win32" ? pid : -pid, "SIGKILL");
  } catch {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      /* gone */
    }
  }
}

fs.rmSync(PID_FILE, { force: true });
console.log(
  pids.length ? `已停止 / stopped (pid ${pids.join(", ")})` : "进程已不在运行 / already gone; pid file removed",
);
