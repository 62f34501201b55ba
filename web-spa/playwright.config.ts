import { defineConfig } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// End-to-end against the real local gateway (embedded PostgreSQL, demo district, this app built
// into its jar). Not part of `npm test` or Maven's test phase: run `npm run e2e` after
// `./mvnw -q -pl functions/local-gateway -am package`.
//
// CDT_E2E_BASE_URL=http://host:port uses a gateway that is already running instead.

const here = fileURLToPath(new URL('.', import.meta.url));
const port = Number(process.env.CDT_E2E_PORT ?? 18080);
const external = process.env.CDT_E2E_BASE_URL;
const baseURL = external ?? `http://localhost:${port}`;
const chromium = process.env.CDT_CHROMIUM ?? '/usr/bin/chromium';

function gatewayCommand(): string {
  const jar = process.env.CDT_GATEWAY_JAR ?? join(here, '..', 'functions', 'local-gateway', 'target', 'cdt.jar');
  if (!existsSync(jar)) {
    throw new Error(
      `The end-to-end suite needs the local gateway jar at ${jar}. ` +
        'Build it first: ./mvnw -q -pl functions/local-gateway -am package (or set CDT_E2E_BASE_URL).',
    );
  }
  // Playwright loads this file again in each worker; the workers inherit the main process's folder.
  if (!process.env.CDT_E2E_DATA_DIR) {
    const dataDir = mkdtempSync(join(tmpdir(), 'cdt-e2e-'));
    process.env.CDT_E2E_DATA_DIR = dataDir;
    process.on('exit', () => {
      try {
        rmSync(dataDir, { recursive: true, force: true });
      } catch {
        // A leftover temp folder is harmless.
      }
    });
  }
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  return `"${java}" -jar "${jar}" serve --port ${port} --data-dir "${process.env.CDT_E2E_DATA_DIR}"`;
}

if (!existsSync(chromium)) {
  throw new Error(`No Chromium at ${chromium}: install it with "apt-get install -y chromium" (or set CDT_CHROMIUM).`);
}

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // A first start loads the demo district; a run then takes seconds.
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL,
    headless: true,
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: external
    ? undefined
    : {
        command: gatewayCommand(),
        url: `${baseURL}/api/health`,
        // The first start creates the database and loads the demo district (~30–60 s).
        timeout: 240_000,
        reuseExistingServer: !process.env.CI,
        // SIGTERM lets the gateway stop its embedded PostgreSQL before the folder is removed.
        gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
        stdout: 'pipe',
        stderr: 'pipe',
      },
});
