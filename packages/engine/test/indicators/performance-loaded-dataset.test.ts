import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAnalysisConfig } from '../../src/analysis/index.js';
import { performanceIndicators, releaseTimes } from '../../src/indicators/index.js';
import { loadDataset } from '../../src/load/index.js';
import type { Warehouse } from '../../src/warehouse/index.js';
import { openWarehouse } from '../../src/warehouse/index.js';

let dir: string;
let warehouse: Warehouse;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'probity-performance-'));
  warehouse = await openWarehouse(':memory:', { threads: 1 });
});
afterEach(async () => {
  warehouse.close();
  await rm(dir, { recursive: true, force: true });
});

const declarations = `declaration_id,office_code,procedure,lodged_at,released_at,declarant_id,trader_id,transport_mode,risk_channel,final_channel,officer_id,assignment,inspected,outcome,declared_value,declared_duty,assessed_duty
D1,CMDLA,import,2025-03-03T08:00:00,2025-03-03T14:00:00,B1,T1,1,green,green,,,false,,1000,100,
D2,CMDLA,import,2025-03-04T08:00:00,2025-03-06T08:00:00,B1,T1,1,red,red,O1,auto,true,finding,2000,200,350
D3,CMDLA,import,2025-03-05T08:00:00,2025-03-05T20:00:00,B2,T2,4,red,yellow,O1,manual,false,,500,50,
`;
// D1 has milestones (lodgement → release 5 h, not the 6 h of its columns);
// D2 and D3 have none and fall back on lodged_at/released_at (48 h, 12 h).
const milestones = `declaration_id,milestone,at,agency
D1,arrival,2025-03-02T20:00:00,
D1,lodgement,2025-03-03T08:00:00,
D1,release,2025-03-03T13:00:00,
`;
const officers = `officer_id,office_code,role,grade,valid_from,valid_to
O1,CMDLA,examiner,,2025-01-01,
`;

describe('performance indicators on a loaded dataset', () => {
  it('reads the tables the loader writes, from CSV files of the data contract', async () => {
    await writeFile(path.join(dir, 'declarations.csv'), declarations);
    await writeFile(path.join(dir, 'milestones.csv'), milestones);
    await writeFile(path.join(dir, 'officers.csv'), officers);
    const summary = await loadDataset(warehouse.connection, dir);
    expect(summary.tables['declarations']?.accepted).toBe(3);
    const config = parseAnalysisConfig({ period: 'month' });

    const trs = await releaseTimes(warehouse.connection, config);
    const overall = trs.rows.find(
      (r) => r.segment === 'lodgement_release' && r.breakdown === 'overall',
    );
    // 5, 12, 48 → median 12, mean 65 / 3; within 24 h: 2 of 3.
    expect(overall?.n).toBe(3);
    expect(overall?.medianHours).toBeCloseTo(12, 10);
    expect(overall?.meanHours).toBeCloseTo(65 / 3, 10);
    expect(overall?.within24h).toBeCloseTo(2 / 3, 10);
    expect([overall?.source, overall?.nFromDeclaration]).toEqual(['mixed', 2]);
    const arrival = trs.rows.find(
      (r) => r.segment === 'arrival_release' && r.breakdown === 'overall',
    );
    expect([arrival?.n, arrival?.medianHours]).toEqual([1, 17]);

    const performance = await performanceIndicators(warehouse.connection, config);
    const value = (id: string) =>
      performance.rows.find(
        (r) => r.indicatorId === id && r.officeCode === 'CMDLA' && r.period === '2025-03',
      )?.value;
    expect(value('revenue_recovered')).toBe(150);
    expect(value('channel_override_rate')).toBeCloseTo(1 / 3, 10);
    expect(value('manual_assignment_rate')).toBe(0.5);
    // Release time from the declaration's columns: 6, 48, 12 → median 12.
    expect(value('release_time_median')).toBe(12);
    // O1 posted from 1 January, current: to 5 March, 64 days.
    expect(value('officer_tenure_months')).toBeCloseTo(64 / 30.4375, 10);
  });
});
