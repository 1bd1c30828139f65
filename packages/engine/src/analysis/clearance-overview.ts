import type { WarehouseConnection } from '../warehouse/index.js';
import { queryValues } from '../warehouse/index.js';

/** Declarations of one office by channel, with inspection and finding rates. */
export interface OfficeOverview {
  readonly office: string;
  readonly declarations: number;
  readonly channels: Readonly<Record<'green' | 'yellow' | 'red' | 'blue', number>>;
  /** Share of declarations physically inspected. */
  readonly inspectionRate: number;
  /** Share of inspections with a finding (the hit rate). */
  readonly findingRate: number;
}

/**
 * A first look at the loaded clearance data: per office, declarations by
 * final channel, the inspection rate and the finding rate of inspections.
 */
export async function clearanceOverview(conn: WarehouseConnection): Promise<OfficeOverview[]> {
  const rows = await queryValues<{
    office: string;
    n: number;
    green: number;
    yellow: number;
    red: number;
    blue: number;
    inspected: number;
    findings: number;
  }>(
    conn,
    `SELECT office_code AS office, CAST(count(*) AS DOUBLE) AS n,
       CAST(count(*) FILTER (WHERE final_channel = 'green') AS DOUBLE) AS green,
       CAST(count(*) FILTER (WHERE final_channel = 'yellow') AS DOUBLE) AS yellow,
       CAST(count(*) FILTER (WHERE final_channel = 'red') AS DOUBLE) AS red,
       CAST(count(*) FILTER (WHERE final_channel = 'blue') AS DOUBLE) AS blue,
       CAST(count(*) FILTER (WHERE inspected) AS DOUBLE) AS inspected,
       CAST(count(*) FILTER (WHERE inspected AND outcome = 'finding') AS DOUBLE) AS findings
     FROM declarations GROUP BY office_code ORDER BY n DESC, office`,
  );
  return rows.map((r) => ({
    office: r.office,
    declarations: r.n,
    channels: { green: r.green, yellow: r.yellow, red: r.red, blue: r.blue },
    inspectionRate: r.n > 0 ? r.inspected / r.n : 0,
    findingRate: r.inspected > 0 ? r.findings / r.inspected : 0,
  }));
}
