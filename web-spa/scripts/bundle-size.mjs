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
let raw = 0;
let gzip = 0;
for (const file of all) {
  const bytes = readFileSync(file);
  const zipped = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gzip += zipped;
  console.log(`${relative(dist, file).padEnd(36)} ${kb(bytes.length).padStart(10)}  gzip ${kb(zipped).padStart(9)}`);
}
console.log(`${'total'.padEnd(36)} ${kb(raw).padStart(10)}  gzip ${kb(gzip).padStart(9)}`);
