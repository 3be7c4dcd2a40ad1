/**
 * Ctrl-C (SIGINT) or SIGTERM at any moment of a real `xsg fill` process — while starting, reading,
 * filling or saving — leaves no temporary file, and any output there is complete and valid. While
 * the output is written the signal is caught and the run ends with exit 2 and a message.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { independentProblems } from "../file/independent-check";
import { REPO, tempDir } from "./helpers";

jest.setTimeout(120_000);

function csvLedger(rows: number): string {
  const lines = ["企业名称,所属地区,主营业务收入（万元）,首次入库年份"];
  for (let i = 0; i < rows; i++) lines.push(`企业${i},杭州市萧山区,${2000 + (i % 900)},2024`);
  return lines.join("\n");
}

function runAndInterrupt(dir: string, output: string, afterMs: number, signal: NodeJS.Signals) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(REPO, "bin", "xsg.js"), "fill", "台账.csv", "-o", output, "--year", "2024"],
      {
        cwd: dir,
      },
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill(signal), afterMs);
    child.on("exit", (code, sig) => {
      clearTimeout(timer);
      resolve({ code, signal: sig, stderr });
    });
  });
}

test("interrupted at many moments: stopped (exit 2 during the write), no .tmp left, output absent or valid", async () => {
  const dir = tempDir();
  try {
    fs.writeFileSync(path.join(dir, "台账.csv"), csvLedger(15_000));
    const moments = [500, 1000, 1500, 2200];
    const outcomes = [];
    for (const [i, ms] of moments.entries()) {
      const output = `结果${i}.xlsx`;
      const run = await runAndInterrupt(dir, output, ms, i % 2 === 0 ? "SIGINT" : "SIGTERM");
      outcomes.push(run);
      expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
      const file = path.join(dir, output);
      if (run.code === 2) expect(run.stderr).toContain("已中断");
      else expect(run.code === 0 || run.signal !== null).toBe(true);
      if (fs.existsSync(file)) expect(await independentProblems(new Uint8Array(fs.readFileSync(file)))).toEqual([]);
    }
    // Some runs were stopped by the signal (Ctrl-C keeps its effect while reading and filling).
    expect(outcomes.some((o) => o.code !== 0)).toBe(true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
