// Prints the production bundle's size, raw and gzipped (what a browser downloads). Run after a build.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

let all;
try {
  all = files(dist).filter((f) => /\.(js|css|html)$/.test(f));
} catch {
  console.error('No dist/ folder: run `npm run build` first.');
  process.exit(1);
}

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const line = (label, raw, zipped) => console.log(`${label.padEnd(36)} ${kb(raw).padStart(10)}  gzip ${kb(zipped).padStart(9)}`);
// Totals per kind: the gzipped JS is the figure to report (what parses before the first screen).
const totals = { js: [0, 0], css: [0, 0], html: [0, 0] };
for (const file of all) {
  const bytes = readFileSync(file);
  const zipped = gzipSync(bytes, { level: 9 }).length;
  const kind = totals[file.slice(file.lastIndexOf('.') + 1)];
  kind[0] += bytes.length;
  kind[1] += zipped;
  line(relative(dist, file), bytes.length, zipped);
}
for (const [kind, [raw, zipped]] of Object.entries(totals)) line(`total ${kind}`, raw, zipped);
const [raw, zipped] = Object.values(totals).reduce((a, b) => [a[0] + b[0], a[1] + b[1]]);
line('total', raw, zipped);
