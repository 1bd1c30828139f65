import type { CodeList, ColumnSpec, TableSpec, TextShape } from './contract-types.js';
import { countryCodes, currencyCodes } from './iso-codes.js';

/** Channels, from least to most strict in the order the risk engine uses them. */
export const channelCodes = ['green', 'yellow', 'red', 'blue'] as const;
/** A risk channel code. */
export type Channel = (typeof channelCodes)[number];

/** Strictness of each channel (domain.md §4): red 3 > yellow 2 > blue 1 > green 0. */
export const channelStrictness: Readonly<Record<Channel, number>> = {
  red: 3,
  yellow: 2,
  blue: 1,
  green: 0,
};

/** Milestone names of the clearance timeline, in the order they usually happen. */
export const milestoneNames = [
  'arrival',
  'lodgement',
  'assessment',
  'payment',
  'inspection_start',
  'inspection_end',
  'release',
  'exit',
] as const;
/** A milestone name. */
export type MilestoneName = (typeof milestoneNames)[number];

/** UN/ECE Recommendation 19 transport mode codes the contract allows. */
export const transportModes: Readonly<Record<string, string>> = {
  '1': 'sea',
  '2': 'rail',
  '3': 'road',
  '4': 'air',
  '5': 'post',
  '7': 'fixed installation',
  '8': 'inland water',
  '9': 'other',
};

const list = (
  name: string,
  description: string,
  codes: readonly string[],
  listInDocs = true,
): CodeList => ({
  name,
  description,
  codes,
  listInDocs,
});

/** Every code list of the contract, by name. */
export const codeLists = {
  procedure: list('procedure', 'customs procedure', ['import', 'export', 'transit']),
  channel: list('channel', 'risk channel', channelCodes),
  assignment: list('assignment', 'how the officer got the declaration', ['auto', 'manual']),
  outcome: list('outcome', 'result of the control', ['no_finding', 'finding']),
  transportMode: list(
    'transport_mode',
    'UN/ECE Rec. 19 transport mode',
    Object.keys(transportModes),
  ),
  milestone: list('milestone', 'clearance milestone', milestoneNames),
  country: list('country', 'ISO 3166-1 alpha-2 country code', countryCodes, false),
  currency: list('currency', 'ISO 4217 currency code', currencyCodes, false),
} as const;

/** Shapes of coded text values. */
export const shapes = {
  hsCode: { pattern: '[0-9]{6,10}', description: '6 to 10 digits, leading zeros kept' },
  hs6: { pattern: '[0-9]{6}', description: 'exactly 6 digits' },
  yearOrMonth: { pattern: '[0-9]{4}(-(0[1-9]|1[0-2]))?', description: '`YYYY` or `YYYY-MM`' },
  month: { pattern: '[0-9]{4}-(0[1-9]|1[0-2])', description: '`YYYY-MM`' },
  unitCode: {
    pattern: '[A-Z0-9]{2,3}',
    description: 'a UN/ECE Rec. 20 code: 2 or 3 capital letters or digits',
  },
} as const satisfies Record<string, TextShape>;

type ColumnOptions = Omit<ColumnSpec, 'name' | 'type' | 'required' | 'meaning'>;

const col = (
  name: string,
  type: ColumnSpec['type'],
  required: boolean,
  meaning: string,
  options: ColumnOptions = {},
): ColumnSpec => ({ name, type, required, meaning, ...options });

const money = { nonNegative: true } as const;

/** The tables of the data contract (`shared/spec/data-contract.md`), in load order. */
export const contractTables: readonly TableSpec[] = [
  {
    name: 'declarations',
    title: 'declarations (required): one row per customs declaration',
    required: true,
    description: 'One row per customs declaration.',
    key: ['declaration_id'],
    rowRules: [
      {
        kind: 'not_before',
        later: 'released_at',
        earlier: 'lodged_at',
        description: 'goods cannot be released before the declaration was lodged',
      },
    ],
    columns: [
      col('declaration_id', 'text', true, 'unique id of the declaration'),
      col('office_code', 'text', true, 'customs office where it was lodged'),
      col('procedure', 'text', true, '`import`, `export` or `transit`', {
        codeList: codeLists.procedure,
      }),
      col('lodged_at', 'timestamp', true, 'when the declaration was lodged (registered)'),
      col(
        'released_at',
        'timestamp',
        false,
        'when the goods were released; empty if not (yet) released',
      ),
      col('declarant_id', 'text', true, 'the customs broker / declarant who lodged it', {
        personal: true,
      }),
      col('trader_id', 'text', true, 'the importer or exporter', { personal: true }),
      col(
        'partner_country',
        'text',
        false,
        'country of consignment (imports) or destination (exports)',
        { codeList: codeLists.country },
      ),
      col(
        'transport_mode',
        'text',
        false,
        'UN/ECE Rec. 19 code: 1 sea, 2 rail, 3 road, 4 air, 5 post, 7 fixed installation, 8 inland water, 9 other',
        { codeList: codeLists.transportMode },
      ),
      col(
        'risk_channel',
        'text',
        true,
        'channel proposed by the risk engine: `green` (release), `yellow` (document check), `red` (physical inspection), `blue` (post-clearance audit)',
        { codeList: codeLists.channel },
      ),
      col(
        'final_channel',
        'text',
        true,
        'channel under which it was actually processed, same codes',
        { codeList: codeLists.channel },
      ),
      col(
        'channel_changed_by',
        'text',
        false,
        'officer_id of whoever changed the channel, when final ≠ risk',
        { personal: true },
      ),
      col(
        'officer_id',
        'text',
        false,
        'officer who examined/assessed it; empty for automatic green release',
        { personal: true },
      ),
      col(
        'assignment',
        'text',
        false,
        'how the officer got it: `auto` (system) or `manual` (chosen by a person)',
        { codeList: codeLists.assignment },
      ),
      col('inspected', 'boolean', true, 'a physical inspection took place'),
      col(
        'outcome',
        'text',
        false,
        'result of the control: `no_finding`, `finding` (an irregularity was established), or empty when no control happened',
        { codeList: codeLists.outcome },
      ),
      col('declared_value', 'decimal', true, 'total customs value as declared', money),
      col('declared_duty', 'decimal', true, 'duties and taxes as declared', money),
      col(
        'assessed_duty',
        'decimal',
        false,
        'duties and taxes finally assessed after control (empty = same as declared)',
        money,
      ),
      col('risk_score', 'decimal', false, 'score from the risk engine, 0 to 1, when it gives one', {
        min: 0,
        max: 1,
      }),
    ],
  },
  {
    name: 'items',
    title: 'items: one row per declaration item (goods line)',
    required: false,
    description: 'One row per declaration item (goods line).',
    key: ['declaration_id', 'item_no'],
    parent: { column: 'declaration_id', table: 'declarations', parentColumn: 'declaration_id' },
    columns: [
      col('declaration_id', 'text', true, 'the declaration it belongs to'),
      col('item_no', 'integer', true, 'line number within the declaration, from 1', { min: 1 }),
      col('hs_code', 'text', true, 'tariff code, 6 to 10 digits', { shape: shapes.hsCode }),
      col('origin_country', 'text', false, 'country of origin', { codeList: codeLists.country }),
      col('description', 'text', false, 'goods description as declared'),
      col('quantity', 'decimal', false, 'quantity in supplementary units', money),
      col('quantity_unit', 'text', false, 'UN/ECE Rec. 20 unit code (`KGM`, `NAR`, `LTR`, ...)', {
        shape: shapes.unitCode,
      }),
      col('net_mass_kg', 'decimal', false, 'net mass in kilograms', money),
      col('declared_value', 'decimal', true, 'customs value of the item as declared', money),
      col(
        'assessed_value',
        'decimal',
        false,
        'customs value after control (empty = same as declared)',
        money,
      ),
      col('duty_rate', 'decimal', false, 'ad valorem rate as a fraction (0.2 = 20%)', money),
      col('declared_duty', 'decimal', false, 'duties and taxes on the item as declared', money),
      col('assessed_duty', 'decimal', false, 'duties and taxes on the item after control', money),
    ],
  },
  {
    name: 'milestones',
    title: 'milestones: the clearance timeline (for the Time Release Study)',
    required: false,
    description:
      'The clearance timeline, one row per milestone reached (for the Time Release Study).',
    parent: { column: 'declaration_id', table: 'declarations', parentColumn: 'declaration_id' },
    columns: [
      col('declaration_id', 'text', true, 'the declaration'),
      col(
        'milestone',
        'text',
        true,
        '`arrival`, `lodgement`, `assessment`, `payment`, `inspection_start`, `inspection_end`, `release`, `exit`',
        { codeList: codeLists.milestone },
      ),
      col('at', 'timestamp', true, 'when it happened'),
      col('agency', 'text', false, 'the agency responsible for this step, when not Customs'),
    ],
  },
  {
    name: 'officers',
    title: 'officers: postings of officers (for peer groups and rotation)',
    required: false,
    description: 'Postings of officers, one row per posting (for peer groups and rotation).',
    key: ['officer_id', 'office_code', 'valid_from'],
    rowRules: [
      {
        kind: 'not_before',
        later: 'valid_to',
        earlier: 'valid_from',
        description: 'a posting cannot end before it starts',
      },
    ],
    columns: [
      col('officer_id', 'text', true, 'officer', { personal: true }),
      col('office_code', 'text', true, 'office of this posting'),
      col('role', 'text', false, 'e.g. `examiner`, `inspector`, `supervisor`, `valuation`'),
      col('grade', 'text', false, 'rank or grade'),
      col('valid_from', 'date', true, 'first day of the posting'),
      col('valid_to', 'date', false, 'last day; empty = current'),
    ],
  },
  {
    name: 'offices',
    title: 'offices',
    required: false,
    description: 'The customs offices.',
    key: ['office_code'],
    columns: [
      col('office_code', 'text', true, 'office'),
      col('name', 'text', true, 'name'),
      col('kind', 'text', false, '`seaport`, `airport`, `land_border`, `inland`, `postal`, ...'),
      col('region', 'text', false, 'region or directorate'),
    ],
  },
  {
    name: 'partner_exports',
    title: 'partner_exports: partners’ export statistics (for mirror analysis)',
    required: false,
    description:
      'What partner countries report as exported to this country, e.g. from UN Comtrade or from a bilateral exchange.',
    key: ['period', 'partner_country', 'hs6'],
    columns: [
      col('period', 'text', true, '`YYYY` or `YYYY-MM`', { shape: shapes.yearOrMonth }),
      col('partner_country', 'text', true, 'the reporting (exporting) country', {
        codeList: codeLists.country,
      }),
      col('hs6', 'text', true, '6-digit HS code', { shape: shapes.hs6 }),
      col('value_usd', 'decimal', true, 'FOB value reported by the partner, US dollars', money),
      col('net_mass_kg', 'decimal', false, 'net mass reported by the partner', money),
    ],
  },
  {
    name: 'fx_rates',
    title: 'fx_rates: exchange rates (for mirror analysis)',
    required: false,
    description: 'Exchange rates of the national currency against the US dollar.',
    key: ['period', 'currency'],
    columns: [
      col('period', 'text', true, '`YYYY-MM`', { shape: shapes.month }),
      col('currency', 'text', true, 'ISO 4217 code of the national currency', {
        codeList: codeLists.currency,
      }),
      col('per_usd', 'decimal', true, 'units of that currency per US dollar, period average', {
        min: Number.MIN_VALUE,
      }),
    ],
  },
];

/** The contract table with this name, or undefined. */
export function findTable(name: string): TableSpec | undefined {
  return contractTables.find((t) => t.name === name);
}

/** The contract table with this name; throws when the name is not in the contract. */
export function tableSpec(name: string): TableSpec {
  const table = findTable(name);
  if (!table) throw new RangeError(`"${name}" is not a table of the data contract`);
  return table;
}

/** Accepted spellings of booleans, lower case (the contract accepts any case). */
export const booleanSpellings: Readonly<Record<string, boolean>> = {
  true: true,
  false: false,
  '1': true,
  '0': false,
  yes: true,
  no: false,
};
