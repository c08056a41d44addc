/**
 * End to end in real headless Chromium (Debian's `chromium` driven by playwright-core): fill the form, watch the
 * plan stream in day by day, see an invalid request's errors inline, and keep a screenshot in test-output/.
 * Without Chromium this test FAILS with instructions, unless SKIP_BROWSER_TESTS=1.
 */
import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readJson } from "./support/json.js";
import { type RunningServer, startServer } from "./support/server.js";

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const skip = process.env.SKIP_BROWSER_TESTS === "1";
const outputDirectory = fileURLToPath(new URL("../test-output/", import.meta.url));

describe.skipIf(skip)("the web page in headless Chromium", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(executablePath)) {
      throw new Error(
        `Chromium not found at ${executablePath}. Install it (apt-get install -y chromium), point CHROMIUM_PATH at ` +
          "a Chromium binary, or set SKIP_BROWSER_TESTS=1 to skip the browser test.",
      );
    }
    server = await startServer();
    browser = await chromium.launch({
      executablePath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("plans a trip and renders the streamed days, totals and narrative", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}/`);
    await page.selectOption("select[name=destination]", "Kyoto");
    await page.fill("input[name=start_date]", "2026-04-06");
    await page.fill("input[name=duration_days]", "4");
    await page.check("input[name=interests][value=nature]");
    await page.click("button[type=submit]");

    await page.waitForSelector("#status[data-plan-id]", { timeout: 15_000 });
    expect(await page.locator(".day").count()).toBe(4);
    expect(await page.locator(".day h3").first().textContent()).toBe("Day 1 · 2026-04-06");
    expect(await page.locator(".day").first().textContent()).toContain("If it rains");
    expect(await page.locator("#totals").textContent()).toMatch(/Total: \$\d+/);
    expect(await page.locator("#narrative").isVisible()).toBe(true);
    expect(await page.locator("#form-errors").isVisible()).toBe(false);

    // The stored plan is the one the page shows.
    const id = await page.locator("#status").getAttribute("data-plan-id");
    const stored = await readJson(await fetch(`${server.url}/trips/${id}`));
    expect(stored.request.destination).toBe("Kyoto");

    mkdirSync(outputDirectory, { recursive: true });
    await page.screenshot({ path: `${outputDirectory}trip-planner.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("renders the interactive API docs without a CDN", async () => {
    const page = await browser.newPage();
    const externalRequests: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(server.url)) externalRequests.push(request.url());
    });
    await page.goto(`${server.url}/docs`);
    await page.waitForSelector(".opblock", { timeout: 15_000 });
    expect(await page.locator(".opblock").count()).toBe(4);
    expect(externalRequests).toEqual([]);
    await page.close();
  });

  it("shows validation errors inline", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.fill("input[name=duration_days]", "45");
    await page.uncheck("input[name=interests][value=history]");
    await page.uncheck("input[name=interests][value=food]");
    await page.click("button[type=submit]");
    const errors = page.locator("#form-errors");
    await errors.waitFor({ state: "visible", timeout: 10_000 });
    const text = await errors.textContent();
    expect(text).toContain("duration_days:");
    expect(text).toContain("interests:");
    expect(await page.locator(".day").count()).toBe(0);
    await page.screenshot({ path: `${outputDirectory}trip-planner-errors.png` });
    await page.close();
  });
});
