/**
 * `npm start`: build and serve the add-in on https://localhost:3000 (webpack-dev-server,
 * localhost only), then
 *   - Windows / macOS: sideload it into desktop Excel with office-addin-debugging, fetched on
 *     demand by npx (it is not a dependency: it pulls a large toolkit that Linux and CI never need);
 *   - Linux (and whenever sideloading fails): keep serving and print, in Chinese and English,
 *     how to load manifest.xml into Excel on the web.
 * It records what it started in .xsg-dev-server.pid so `npm stop` can stop it; Ctrl+C works too.
 * Extra arguments go to webpack: `npm start -- --env officeJs=local`.
 * XSG_DEV_PORT=<port> serves on another port (own pid file, .xsg-dev-server-<port>.pid);
 * XSG_NO_SIDELOAD=1 only serves (the browser test starts the dev server this way).
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { certPaths, ensureDevCerts } from "./dev-certs.mjs";

const require = createRequire(import.meta.url);
const layout = require("./addin-layout.cjs");

const ROOT = layout.ROOT;
const PORT = layout.devServerPort();
const BASE_URL = `https://localhost:${PORT}/`;
export const PID_FILE = path.join(
  ROOT,
  PORT === layout.DEV_PORT ? ".xsg-dev-server.pid" : `.xsg-dev-server-${PORT}.pid`,
);
export const OFFICE_ADDIN_DEBUGGING = "office-addin-debugging@6";
const TASKPANE_URL = `${BASE_URL}taskpane.html`;
const READY_TIMEOUT_MS = 5 * 60 * 1000;
const canSideload = (process.platform === "win32" || process.platform === "darwin") && !process.env.XSG_NO_SIDELOAD;

export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

export function readPidFile() {
  try {
    return JSON.parse(fs.readFileSync(PID_FILE, "utf8"));
  } catch {
    return null;
  }
}

function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "localhost", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** GET url, verifying the server with our own CA: proves the certificate is right, too. */
function fetchStatus(url, ca) {
  return new Promise((resolve) => {
    const request = https.get(url, { ca, timeout: 5000 }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.once("error", () => resolve(0));
    request.once("timeout", () => request.destroy());
  });
}

async function waitUntilServing(server, ca) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) return false;
    if ((await fetchStatus(TASKPANE_URL, ca)) === 200) return true;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return false;
}

/** The manifest to load: manifest.xml itself unless the build would change it (no English metadata yet). */
function sideloadManifest() {
  const source = path.join(ROOT, "manifest.xml");
  const xml = fs.readFileSync(source, "utf8");
  const rendered = layout.renderManifest(xml, { baseUrl: BASE_URL });
  if (rendered === xml) return source;
  const file = path.join(os.tmpdir(), "xsg-dev", "manifest.xml");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, rendered);
  return file;
}

function npx(args) {
  // npx is npx.cmd on Windows, which needs a shell.
  return spawnSync("npx", ["--yes", ...args], { cwd: ROOT, stdio: "inherit", shell: process.platform === "win32" });
}

export function webInstructions(manifest = path.join(ROOT, "manifest.xml")) {
  return `
════════════════════════════════════════════════════════════════════════════
 小升规助手 XSG 开发服务器已启动：${TASKPANE_URL}
 （只监听本机 localhost；停止：npm stop，或在本窗口按 Ctrl+C）

 在 Excel 网页版中加载本加载项：
 1. 让浏览器信任开发证书（只需一次）。CA 证书文件：
      ${certPaths.ca}
    Chrome / Edge：设置 → 隐私和安全 → 安全 → 管理证书 → 授权机构 → 导入，
    选择上述文件并勾选“信任该证书以标识网站”；
    或在终端执行（需 libnss3-tools）：
      certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "XSG dev CA" -i "${certPaths.ca}"
    Firefox：设置 → 隐私与安全 → 证书 → 查看证书 → 证书颁发机构 → 导入。
    然后重启浏览器，打开 ${TASKPANE_URL}，确认没有证书警告。
 2. 在浏览器中用 Excel 网页版打开一个工作簿，选择
      插入 → 加载项 → 上传我的加载项
    （部分版本为：开始 → 加载项 → 更多加载项 → 我的加载项 → 上传我的加载项），
    选择文件 ${manifest} 并上传。
 3. “开始”选项卡出现“小升规助手”按钮（打开任务窗格）；在单元格中输入 =XSG. 使用自定义函数。

 XSG dev server is running: ${TASKPANE_URL}
 (localhost only; stop it with npm stop, or Ctrl+C in this window)

 To load the add-in into Excel on the web:
 1. Make the browser trust the dev certificate (once). CA certificate file:
      ${certPaths.ca}
    Chrome / Edge: Settings → Privacy and security → Security → Manage certificates →
    Authorities → Import, pick that file, tick "Trust this certificate for identifying websites";
    or run (needs libnss3-tools):
      certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "XSG dev CA" -i "${certPaths.ca}"
    Firefox: Settings → Privacy & Security → Certificates → View Certificates → Authorities → Import.
    Restart the browser and open ${TASKPANE_URL}: there must be no certificate warning.
 2. Open a workbook in Excel on the web and choose
      Insert → Add-ins → Upload My Add-in
    (in some versions: Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in),
    then upload ${manifest}.
 3. The Home tab shows an "XSG Assistant" button (the taskpane); type =XSG. in a cell for the functions.
════════════════════════════════════════════════════════════════════════════
`;
}

async function main() {
  const running = readPidFile();
  if (running && isAlive(running.serverPid)) {
    console.log(`已在运行 / already running: ${TASKPANE_URL} (pid ${running.serverPid}). 停止 / stop: npm stop`);
    return;
  }
  fs.rmSync(PID_FILE, { force: true });
  if (await portInUse(PORT)) {
    console.error(`端口 ${PORT} 已被其他程序占用 / port ${PORT} is already in use by another program.`);
    process.exit(1);
  }

  const { ca } = await ensureDevCerts();
  const webpackCli = path.join(path.dirname(require.resolve("webpack-cli/package.json")), "bin", "cli.js");
  const server = spawn(process.execPath, [webpackCli, "serve", "--mode", "development", ...process.argv.slice(2)], {
    cwd: ROOT,
    stdio: "inherit",
    // Own process group on POSIX, so `npm stop` can end webpack and anything it spawned.
    detached: process.platform !== "win32",
  });
  const record = { serverPid: server.pid, startPid: process.pid, url: TASKPANE_URL, sideloaded: null };
  fs.writeFileSync(PID_FILE, JSON.stringify(record, null, 2));

  let stopping = false;
  const stop = (code) => {
    if (stopping) return;
    stopping = true;
    killTree(server.pid);
    const current = readPidFile();
    if (current && current.serverPid === server.pid) fs.rmSync(PID_FILE, { force: true });
    process.exit(code);
  };
  process.on("SIGINT", () => stop(130));
  process.on("SIGTERM", () => stop(143));
  server.on("exit", (code) => {
    if (!stopping) {
      console.error(`开发服务器已退出 / dev server exited (code ${code})`);
      stop(code ?? 1);
    }
  });

  if (!(await waitUntilServing(server, ca))) {
    console.error(`开发服务器未能启动 / the dev server did not come up at ${TASKPANE_URL}`);
    stop(1);
    return;
  }

  const manifest = sideloadManifest();
  if (canSideload) {
    console.log(`正在把加载项旁加载到桌面版 Excel / sideloading into desktop Excel (npx ${OFFICE_ADDIN_DEBUGGING}) …`);
    const result = npx([OFFICE_ADDIN_DEBUGGING, "start", manifest, "desktop", "--app", "excel", "--no-debug"]);
    if (result.status === 0) {
      fs.writeFileSync(PID_FILE, JSON.stringify({ ...record, sideloaded: manifest }, null, 2));
      console.log(
        `\n已旁加载；Excel 中“开始”选项卡出现“小升规助手”。停止：npm stop\nSideloaded: Excel shows "XSG Assistant" on the Home tab. Stop: npm stop\n`,
      );
      return;
    }
    console.error("旁加载失败，可按以下步骤手动加载 / sideloading failed; load it manually:");
  }
  console.log(webInstructions(manifest));
}

export function killTree(pid) {
  if (!pid || !isAlive(pid)) return;
  if (process.platform === "win32") {
    spawnSync("taskkill", ["/pid", String(pid), "/T", "/F"], { stdio: "ignore" });
    return;
  }
  try {
    process.kill(-pid, "SIGTERM"); // the whole process group
  } catch {
    try {
      process.kill(pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  await main();
}
