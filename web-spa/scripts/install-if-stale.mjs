// Runs `npm ci` only when node_modules is missing or older than the lock file, so that repeated
// Maven builds do not reinstall every time. npm writes node_modules/.package-lock.json on install.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const installed = join(root, 'node_modules', '.package-lock.json');
const inputs = ['package.json', 'package-lock.json'].map((f) => join(root, f));

const fresh =
  existsSync(installed) && inputs.every((f) => statSync(f).mtimeMs <= statSync(installed).mtimeMs);

if (fresh) {
  console.log('node_modules is up to date with package-lock.json; skipping npm ci');
} else {
  // Browsers for the end-to-end suite come from the system (Debian's chromium), never a download.
  const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', env });
  process.exit(result.status ?? 1);
}
