import { EngineError } from '../errors.js';
import type { WarehouseConnection } from '../warehouse/index.js';
import { execute, queryValues } from '../warehouse/index.js';

/** Options of {@link recommendChannels}. */
export interface SelectionOptions {
  /** Share of declarations, the highest scores, recommended red (default 0.05). */
  readonly redShare?: number;
  /** Share of declarations, the next scores, recommended yellow (default 0.15). */
  readonly yellowShare?: number;
  /**
   * Share of all declarations drawn at random (seeded hash of the id) and recommended red whatever
   * their score, so that future labels are not only where the model looks (default 0.05).
   */
  readonly exploration?: number;
  readonly seed?: number;
}

/** Counts of the recommendation. */
export interface ChannelCounts {
  readonly declarations: number;
  readonly red: number;
  readonly yellow: number;
  readonly green: number;
  /** Declarations drawn for exploration (all recommended red). */
  readonly explored: number;
}

/** The table of recommended channels. */
export const channelTable = 'declaration_channels';

function share(name: string, x: number): number {
  if (!(x >= 0 && x <= 1)) throw new RangeError(`${name} must lie between 0 and 1`);
  return x;
}

/**
 * Recommends a channel for every scored declaration and stores `declaration_channels
 * (declaration_id, score, model_id, score_rank, model_channel, explored, recommended_channel)`:
 * the top `redShare` by score red, the next `yellowShare` yellow, the rest green; then a seeded
 * random `exploration` share of all declarations is recommended red whatever the model says.
 */
export async function recommendChannels(
  conn: WarehouseConnection,
  options: SelectionOptions = {},
): Promise<ChannelCounts> {
  const red = share('the red share', options.redShare ?? 0.05);
  const yellow = share('the yellow share', options.yellowShare ?? 0.15);
  const exploration = share('the exploration share', options.exploration ?? 0.05);
  if (red + yellow > 1) throw new RangeError('the red and yellow shares add up to more than 1');
  const seed = Math.trunc(options.seed ?? 1);
  const [exists] = await queryValues<{ n: bigint }>(
    conn,
    `SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'declaration_scores'`,
  );
  if (!exists || exists.n === 0n) {
    throw new EngineError(
      'PROBITY_WAREHOUSE_EMPTY',
      'the warehouse has no declaration_scores: run `probity model score --db` first',
    );
  }
  await execute(
    conn,
    `CREATE OR REPLACE TABLE ${channelTable} AS
     WITH ranked AS (
       SELECT declaration_id, score, model_id,
         row_number() OVER (ORDER BY score DESC, declaration_id) AS score_rank,
         count(*) OVER () AS n,
         -- A uniform draw in [0, 1) from a hash of the id and the seed: the same seed, the same draw.
         (hash(declaration_id || '#' || CAST($seed AS VARCHAR)) % 1000000007) / 1000000007.0 AS draw
       FROM declaration_scores
     )
     SELECT declaration_id, score, model_id, score_rank,
       CASE WHEN score_rank <= ceil($red * n) THEN 'red'
            WHEN score_rank <= ceil(($red + $yellow) * n) THEN 'yellow'
            ELSE 'green' END AS model_channel,
       draw < $exploration AS explored,
       CASE WHEN draw < $exploration OR score_rank <= ceil($red * n) THEN 'red'
            WHEN score_rank <= ceil(($red + $yellow) * n) THEN 'yellow'
            ELSE 'green' END AS recommended_channel
     FROM ranked`,
    { seed, red, yellow, exploration },
  );
  const [counts] = await queryValues<Record<string, bigint>>(
    conn,
    `SELECT count(*) AS declarations,
       count(*) FILTER (WHERE recommended_channel = 'red') AS red,
       count(*) FILTER (WHERE recommended_channel = 'yellow') AS yellow,
       count(*) FILTER (WHERE recommended_channel = 'green') AS green,
       count(*) FILTER (WHERE explored) AS explored
     FROM ${channelTable}`,
  );
  const n = (k: string): number => Number(counts?.[k] ?? 0n);
  return {
    declarations: n('declarations'),
    red: n('red'),
    yellow: n('yellow'),
    green: n('green'),
    explored: n('explored'),
  };
}
