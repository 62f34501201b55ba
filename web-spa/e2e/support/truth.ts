import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The demo district's truth manifest: every planted problem, by tool and category
// (docs/demo-district.md). The gateway writes it to <data dir>/demo/truth.json on first start
// (LocalEnvironment); when the suite uses a gateway it did not start, the same district is
// generated again with `cdt demo` and the gateway's default size and seed (LocalOptions).

export const DEMO_STUDENTS = 5000;
export const DEMO_SEED = 1;

export interface PlantedProblem {
  tool: string;
  category: string;
  rule?: string;
  what: string;
  entities: { side: 'sis' | 'ours'; type: string; key: string }[];
}

export interface Truth {
  seed: number;
  students: number;
  countsByCategory: Record<string, number>;
  problems: PlantedProblem[];
}

const here = fileURLToPath(new URL('.', import.meta.url));

function generated(): Truth {
  const jar = process.env.CDT_GATEWAY_JAR ?? join(here, '..', '..', '..', 'functions', 'local-gateway', 'target', 'cdt.jar');
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const out = mkdtempSync(join(tmpdir(), 'cdt-e2e-truth-'));
  try {
    execFileSync(java, ['-jar', jar, 'demo', '--students', String(DEMO_STUDENTS), '--seed', String(DEMO_SEED), '--out', out], {
      stdio: 'pipe',
    });
    return JSON.parse(readFileSync(join(out, 'truth.json'), 'utf8')) as Truth;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export function loadTruth(): Truth {
  const given = process.env.CDT_E2E_TRUTH;
  if (given) return JSON.parse(readFileSync(given, 'utf8')) as Truth;
  const dataDir = process.env.CDT_E2E_DATA_DIR;
  const written = dataDir ? join(dataDir, 'demo', 'truth.json') : undefined;
  if (written && existsSync(written)) return JSON.parse(readFileSync(written, 'utf8')) as Truth;
  return generated();
}

/** Planted problems per category of one tool. */
export function plantedCounts(truth: Truth, toolId: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const p of truth.problems) if (p.tool === toolId) counts[p.category] = (counts[p.category] ?? 0) + 1;
  return counts;
}
