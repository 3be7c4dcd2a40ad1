/**
 * `npm start` end to end (without sideloading): scripts/start.mjs — exactly what `npm start`
 * runs — on a free port (XSG_DEV_PORT, so a developer's server on 3000 is left alone), then the
 * pages loaded FROM the dev server in Chromium: taskpane.html mounts the app with no webpack
 * overlay and no page errors, the shared runtime registers every custom function, the manifest
 * it serves is valid, and the offline page works. `npm stop` (scripts/stop.mjs) then stops it;
 * afterAll kills whatever is left, so no server outlives the test.
 */
import { spawn, spawnSync, type ChildProcess } from "child_process";
import fs from "fs";
import net from "net";
import path from "path";
import { inspectManifest } from "../../scripts/manifest/validate";
import { closeBrowser, officeJsDouble, openPage, ROOT, type OpenedPage } from "./harness";

const START_TIMEOUT_MS = 300_000; // a cold development build on a busy 2-core machine
const OVERLAY = "#webpack-dev-server-client-overlay";

let port: number;
let base: string;
let starter: ChildProcess;
let output = "";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "localhost", () => {
      const { port: found } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(found));
    });
  });
}

const pidFile = () => path.join(ROOT, `.xsg-dev-server-${port}.pid`);

function isAlive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The port can be bound again: nothing (not even a lingering child) still listens on it. */
function portIsFree(): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "localhost", () => probe.close(() => resolve(true)));
  });
}

beforeAll(async () => {
  port = await freePort();
  base = `https://localhost:${port}/`;
  starter = spawn(process.execPath, [path.join("scripts", "start.mjs")], {
    cwd: ROOT,
    env: { ...process.env, XSG_DEV_PORT: String(port), XSG_NO_SIDELOAD: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, so afterAll can end it and everything it started
  });
  starter.stdout?.on("data", (chunk) => (output += chunk));
  starter.stderr?.on("data", (chunk) => (output += chunk));
  // start.mjs prints the how-to banner once the taskpane answers 200 over HTTPS, checked against
  // the dev CA: so the certificate is right, too.
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!output.includes(`开发服务器已启动：${base}taskpane.html`)) {
    if (starter.exitCode !== null) throw new Error(`npm start exited (${starter.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`the dev server did not come up on ${base}:\n${output.slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}, START_TIMEOUT_MS + 10_000);

afterAll(async () => {
  await closeBrowser();
  let record: { serverPid?: number } = {};
  try {
    record = JSON.parse(fs.readFileSync(pidFile(), "utf8"));
  } catch {
    /* already stopped and cleaned up */
  }
  for (const pid of [starter?.pid, record.serverPid]) {
    if (!isAlive(pid)) continue;
    try {
      process.kill(-pid!, "SIGKILL"); // the process group
    } catch {
      process.kill(pid!, "SIGKILL");
    }
  }
  fs.rmSync(pidFile(), { force: true });
});

/** A page from the dev server (its certificate is self-signed; start.mjs has verified it against the dev CA). */
function openFromDevServer(file: string, officeJs?: string): Promise<OpenedPage> {
  return openPage(`${base}${file}`, { ignoreHTTPSErrors: true, ...(officeJs ? { officeJs } : {}) });
}

/** Live-reload sockets the page opens to the dev server. */
function watchSockets(tab: OpenedPage): string[] {
  const sockets: string[] = [];
  tab.page.on("websocket", (socket) => sockets.push(socket.url()));
  return sockets;
}

describe("npm start serves a working add-in", () => {
  test("taskpane.html mounts the guided first screen: no webpack overlay, no page errors, one live-reload socket", async () => {
    const tab = await openFromDevServer("taskpane.html");
    try {
      const sockets = watchSockets(tab);
      await tab.page.reload({ waitUntil: "load" }); // so the socket listener sees the page's start
      await tab.page.locator("#container h1").waitFor({ timeout: 60_000 });
      await tab.page.getByText("三步开始").waitFor();
      await tab.page.getByText("未在 Excel 中运行").waitFor();
      await tab.page.waitForTimeout(1000); // late errors would show the overlay by now
      expect(await tab.page.locator(OVERLAY).count()).toBe(0);
      expect(tab.errors).toEqual([]);
      expect(tab.blocked).toEqual([]);
      expect(sockets).toEqual([`wss://localhost:${port}/ws`]);
    } finally {
      await tab.close();
    }
  });

  test("the shared runtime page registers every function functions.json declares", async () => {
    const tab = await openFromDevServer("taskpane.html", officeJsDouble());
    try {
      const metadata = (await (await tab.page.request.get(`${base}functions.json`)).json()) as {
        functions: { id: string }[];
      };
      expect(metadata.functions.length).toBeGreaterThan(0);
      await tab.page.waitForFunction(() => Object.keys(window.__xsgAssociations ?? {}).length > 0, null, {
        timeout: 60_000,
      });
      const associated = await tab.page.evaluate(() => Object.keys(window.__xsgAssociations).sort());
      expect(associated).toEqual(metadata.functions.map((f) => f.id.toUpperCase()).sort());
      await tab.page.getByRole("tab", { name: "批量填充" }).waitFor();
      expect(await tab.page.locator(OVERLAY).count()).toBe(0);
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  test("the manifest it serves is valid and names this server", async () => {
    const tab = await openFromDevServer("standalone.html");
    try {
      const response = await tab.page.request.get(`${base}manifest.xml`);
      expect(response.status()).toBe(200);
      const { facts, problems } = inspectManifest(await response.text());
      expect(problems).toEqual([]);
      expect(facts.runtimeUrl).toBe(`${base}taskpane.html`);
      expect(facts.urls.filter((url) => url.startsWith("https://localhost:") && !url.startsWith(base))).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  test("the offline page mounts too, and opens no socket (its CSP allows no connections)", async () => {
    const tab = await openFromDevServer("standalone.html");
    try {
      const sockets = watchSockets(tab);
      await tab.page.reload({ waitUntil: "load" });
      await tab.page.locator("main h1").waitFor({ timeout: 60_000 });
      await tab.page.waitForTimeout(500);
      expect(await tab.page.locator(OVERLAY).count()).toBe(0);
      expect(tab.errors).toEqual([]);
      expect(tab.consoleErrors).toEqual([]);
      expect(sockets).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  test("npm stop stops it: the port is free, the processes are gone, the pid file is removed", async () => {
    const record = JSON.parse(fs.readFileSync(pidFile(), "utf8")) as { serverPid: number; startPid: number };
    expect(record.startPid).toBe(starter.pid);
    const stop = spawnSync(process.execPath, [path.join("scripts", "stop.mjs")], {
      cwd: ROOT,
      env: { ...process.env, XSG_DEV_PORT: String(port) },
      encoding: "utf8",
    });
    expect(stop.status).toBe(0);
    const deadline = Date.now() + 15_000;
    while ((isAlive(record.serverPid) || isAlive(record.startPid)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect([isAlive(record.serverPid), isAlive(record.startPid)]).toEqual([false, false]);
    expect(await portIsFree()).toBe(true);
    expect(fs.existsSync(pidFile())).toBe(false);
  });
});

declare global {
  interface Window {
    __xsgAssociations: Record<string, unknown>;
  }
}
