/**
 * 导入政策文件 on the built offline page (dist/standalone.html) in a real Chromium: a broken
 * document is refused with its problems, the authoring workbook (examples/policies/
 * policy-template.xlsx, a synthetic example) is imported and shown with its label, and it is
 * still there after the page is reloaded (localStorage), no network.
 */
import fs from "fs";
import os from "os";
import path from "path";
import type { Page } from "playwright-core";
import { SAMPLE_PATH } from "../../examples/generate";
import { closeBrowser, DIST_DIR, openPage, serveDist, type DistServer } from "./harness";

const PAGE = "standalone.html";
const TEMPLATE = path.join(__dirname, "../../examples/policies/policy-template.xlsx");
const LABEL = "示政办〔2099〕1号（示例）《示例县小升规奖励办法（示例，非真实政策）》（导入文件 policy-template.xlsx）";

let server: DistServer;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST_DIR, PAGE))) throw new Error(`dist has no ${PAGE}: run \`npm run build\` first`);
  server = await serveDist({ root: DIST_DIR });
});

afterAll(async () => {
  await server?.close();
  await closeBrowser();
});

/** Open the sample workbook (the App shows once a workbook is open) and go to 政策浏览. */
async function toPolicyTab(page: Page): Promise<void> {
  await page.setInputFiles("#xsg-file-input", SAMPLE_PATH);
  await page.getByText("已打开“sample.xlsx”").waitFor();
  await page.getByRole("tab", { name: "政策浏览" }).click();
  await page.getByText("导入的文件只保存在本浏览器中").waitFor();
}

test("offline page: a broken document is refused with every problem; the workbook form is imported and kept", async () => {
  const tab = await openPage(`${server.url}${PAGE}`, { officeJs: "none", viewport: { width: 820, height: 1100 } });
  try {
    const { page } = tab;
    await toPolicyTab(page);

    const broken = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "xsg-policy-")), "broken.json");
    fs.writeFileSync(broken, JSON.stringify({ format: "xsg-policy/1", id: "Bad Id" }));
    await page.getByLabel("选择政策文件…").setInputFiles(broken);
    await page.getByText(/未导入“broken\.json”：共 \d+ 处问题/).waitFor();
    expect(await page.getByRole("alert").locator("li").count()).toBeGreaterThan(5);

    await page.getByLabel("选择政策文件…").setInputFiles(TEMPLATE);
    await page.getByText("已导入", { exact: true }).waitFor();
    await page.getByText(`${LABEL}：示例县`).waitFor();
    // 政策浏览 now shows the imported document's own clauses
    await page.getByText("个转企额外奖励").first().waitFor();

    await page.reload();
    await toPolicyTab(page);
    await page.getByText("已导入的文件").waitFor();
    await page.getByText(LABEL).first().waitFor();
    expect(tab.errors).toEqual([]);
    expect(tab.blocked).toEqual([]);
  } finally {
    await tab.close();
  }
});
