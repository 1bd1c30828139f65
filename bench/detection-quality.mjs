// Detection quality on the demo administration (issue 3's quality bar),
// scored against the generator's hidden truth, for several seeds:
//   node bench/detection-quality.mjs [declarations=100000] [seeds=1,2,3,4,5]
// Prints one JSON line per seed. Run `npm run build` first.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  analyzeWarehouse,
  defaultAnalysisConfig,
  generateDemo,
  loadDataset,
  openWarehouse,
  standardExtensions,
} from '@probity/engine';

const declarations = Number(process.argv[2] ?? 100_000);
const seeds = (process.argv[3] ?? '1,2,3,4,5').split(',').map(Number);
const dir = mkdtempSync(path.join(tmpdir(), 'probity-quality-'));
try {
  for (const seed of seeds) {
    const data = path.join(dir, `seed-${seed}`);
    const truthFile = path.join(dir, `truth-${seed}.json`);
    await generateDemo({ dir: data, declarations, seed, truthFile });
    const truth = JSON.parse(readFileSync(truthFile, 'utf8'));
    const w = await openWarehouse(':memory:');
    await loadDataset(w.connection, data);
    const result = await analyzeWarehouse(w.connection, defaultAnalysisConfig, {
      extensions: standardExtensions(),
    });
    w.close();
    const officers = result.units.filter((u) => u.kind === 'officer');
    const top = Math.ceil(officers.length * 0.1);
    const byId = new Map(officers.map((u) => [u.id, u]));
    const planted = truth.officers.filter((o) => o.corrupt);
    const honest = truth.officers.filter((o) => !o.corrupt);
    const found = planted.filter((o) => {
      const u = byId.get(o.officer_id);
      return u?.status === 'flagged' && u.rank <= top;
    });
    const flaggedHonest = honest.filter((o) => byId.get(o.officer_id)?.status === 'flagged');
    const pairRank = truth.pairs.map(
      (p) =>
        result.pairs.findIndex(
          (r) =>
            r.officer === p.officer_id &&
            r.declarant === p.declarant_id &&
            r.office === p.office_code,
        ) + 1,
    );
    const declarants = result.units.filter((u) => u.kind === 'declarant');
    const colluding = truth.declarants.filter((d) => d.colluding).map((d) => d.declarant_id);
    console.log(
      JSON.stringify({
        benchmark: 'detection_quality',
        seed,
        declarations,
        officers: officers.length,
        top_10_percent: top,
        planted_officers: planted.length,
        planted_flagged_in_top_10_percent: found.length,
        honest_officers_flagged: flaggedHonest.map((o) => ({
          id: o.officer_id,
          traps: o.traps,
          indicators: byId
            .get(o.officer_id)
            .indicators.filter((f) => f.status === 'flagged')
            .map((f) => `${f.indicator} q=${f.q.toExponential(1)}`),
        })),
        honest_traps_flagged: flaggedHonest.filter((o) => o.traps.length > 0).length,
        colluding_pair_ranks: pairRank,
        colluding_declarants_flagged: colluding.filter(
          (id) => declarants.find((u) => u.id === id)?.status === 'flagged',
        ).length,
        declarants_flagged: declarants.filter((u) => u.status === 'flagged').length,
        indicators_run: result.indicatorsRun,
      }),
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
