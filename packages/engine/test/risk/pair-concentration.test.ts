import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAnalysisBase, parseAnalysisConfig } from '../../src/analysis/index.js';
import { loadDataset } from '../../src/load/index.js';
import { pairConcentration } from '../../src/risk/index.js';
import type { Warehouse } from '../../src/warehouse/index.js';
import { openWarehouse } from '../../src/warehouse/index.js';

let dir: string;
let warehouse: Warehouse;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'probity-pairs-'));
  warehouse = await openWarehouse(':memory:');
});
afterEach(async () => {
  warehouse.close();
  await rm(dir, { recursive: true, force: true });
});

describe('pair concentration', () => {
  it('tests each pair against n_o·n_b/n of its day and controls the FDR over every pair seen', async () => {
    const lines = [
      'declaration_id,office_code,procedure,lodged_at,declarant_id,trader_id,risk_channel,final_channel,officer_id,assignment,inspected,declared_value,declared_duty',
    ];
    const add = (officer: string, declarant: string, count: number, day: string) => {
      for (let i = 0; i < count; i++) {
        lines.push(
          `${officer}${declarant}${day}${i},A,import,2025-02-${day}T10:00:00,${declarant},T,green,green,${officer},auto,false,1,0`,
        );
      }
    };
    // Day 03: n = 16; X handles 8 (6 of D, 2 of E), Y handles 8 (all E).
    add('X', 'D', 6, '03');
    add('X', 'E', 2, '03');
    add('Y', 'E', 8, '03');
    // Day 04: X is away; Y handles D's 2 declarations. X and D never meet that
    // day, so that day adds nothing to their expected count.
    add('Y', 'D', 2, '04');
    await writeFile(path.join(dir, 'declarations.csv'), lines.join('\n') + '\n');
    await loadDataset(warehouse.connection, dir);
    const config = parseAnalysisConfig({ pairMinObserved: 5 });
    await buildAnalysisBase(warehouse.connection, config);
    const { pairs, pairsObserved } = await pairConcentration(warehouse.connection, config);
    // Pairs seen: X–D, X–E, Y–E, Y–D = 4; tested (≥ 5): X–D (6) and Y–E (8).
    expect(pairsObserved).toBe(4);
    const xd = pairs.find((p) => p.officer === 'X' && p.declarant === 'D');
    const ye = pairs.find((p) => p.officer === 'Y' && p.declarant === 'E');
    // X–D: E = 8·6/16 = 3 (day 03 only). Y–E: E = 8·10/16 = 5 on day 03, and
    // on day 04 E had no declarations: 5.
    expect(xd?.expected).toBeCloseTo(3, 12);
    expect(ye?.expected).toBeCloseTo(5, 12);
    expect(xd?.lift).toBeCloseTo(2, 12);
    // scipy.stats.poisson.sf(5, 3) = 0.08391794203130347; poisson.sf(7, 5) = 0.13337167407000744;
    // false_discovery_control([0.0839..., 0.1334..., 1, 1]) = [0.2667, 0.2667, 1, 1].
    expect(xd?.p).toBeCloseTo(0.08391794203130347, 12);
    expect(ye?.p).toBeCloseTo(0.13337167407000744, 12);
    expect(xd?.q).toBeCloseTo(0.26674334814001487, 10);
    expect(ye?.q).toBeCloseTo(0.26674334814001487, 10);
    expect(pairs.map((p) => `${p.officer}${p.declarant}`)).toEqual(['XD', 'YE']);
  });
});
