/** The kinds of customs office in the demo administration. */
export type OfficeKind = 'seaport' | 'airport' | 'land_border' | 'inland' | 'postal';

/** How one office of the demo administration works: volume, case mix, channels, speed. */
export interface OfficeProfile {
  readonly code: string;
  readonly name: string;
  readonly kind: OfficeKind;
  readonly region: string;
  /** Share of the administration's declarations lodged here. */
  readonly share: number;
  /** Officers regularly posted here (examiners and inspectors). */
  readonly officers: number;
  /** Open around the clock (ports, airports); otherwise Mon–Fri 07:30–17:30. */
  readonly roundTheClock: boolean;
  /** Which product mode letters (see DemoProduct.modes) arrive here. */
  readonly modes: string;
  /** Transport modes (Rec. 19 codes) with weights. */
  readonly transport: readonly (readonly [string, number])[];
  /** Shares of declarations the risk engine sends red, yellow and blue. */
  readonly red: number;
  readonly yellow: number;
  readonly blue: number;
  /** Multiplier on traders' hidden fraud propensity (case mix). */
  readonly fraudFactor: number;
  /** Multiplier on release times (congestion, procedures). */
  readonly slowness: number;
  /** Share of exports and of transit among this office's traders. */
  readonly exportShare: number;
  readonly transitShare: number;
  /** Consignment countries with weights. */
  readonly partners: readonly (readonly [string, number])[];
}

const overseas: readonly (readonly [string, number])[] = [
  ['CN', 30],
  ['FR', 10],
  ['BE', 5],
  ['NL', 5],
  ['DE', 4],
  ['IT', 4],
  ['ES', 3],
  ['US', 4],
  ['IN', 6],
  ['TR', 5],
  ['AE', 4],
  ['JP', 2],
  ['KR', 2],
  ['TH', 3],
  ['VN', 2],
  ['BR', 2],
  ['ZA', 2],
  ['MA', 1.5],
  ['GB', 1.5],
  ['MY', 1.5],
  ['ID', 1.5],
  ['PK', 1],
  ['EG', 1],
  ['CI', 1],
  ['NG', 1],
];

/** The offices of the demo administration (Cameroon-like, invented). */
export const officeProfiles: readonly OfficeProfile[] = [
  {
    code: 'DLA-PORT',
    name: 'Douala Port, Bureau des Douanes du Port',
    kind: 'seaport',
    region: 'Littoral',
    share: 0.37,
    officers: 32,
    roundTheClock: true,
    modes: 's',
    transport: [['1', 1]],
    red: 0.15,
    yellow: 0.22,
    blue: 0.05,
    fraudFactor: 1,
    slowness: 1.5,
    exportShare: 0.12,
    transitShare: 0.05,
    partners: overseas,
  },
  {
    code: 'KRI-PORT',
    name: 'Kribi Deep Sea Port',
    kind: 'seaport',
    region: 'Sud',
    share: 0.1,
    officers: 9,
    roundTheClock: true,
    modes: 's',
    transport: [['1', 1]],
    red: 0.18,
    yellow: 0.2,
    blue: 0.05,
    fraudFactor: 1,
    slowness: 1.1,
    exportShare: 0.2,
    transitShare: 0.08,
    partners: overseas,
  },
  {
    code: 'DLA-AIR',
    name: 'Douala International Airport, Fret',
    kind: 'airport',
    region: 'Littoral',
    share: 0.12,
    officers: 13,
    roundTheClock: true,
    modes: 'a',
    transport: [['4', 1]],
    // The honest trap: a far riskier case mix (high-value electronics, phones,
    // perfume, gold) and traders who cheat more, hence many reds and findings.
    red: 0.34,
    yellow: 0.22,
    blue: 0.03,
    fraudFactor: 2.2,
    slowness: 0.6,
    exportShare: 0.04,
    transitShare: 0.02,
    partners: [
      ['CN', 30],
      ['AE', 20],
      ['FR', 15],
      ['TR', 8],
      ['BE', 5],
      ['US', 5],
      ['IN', 5],
      ['NG', 4],
      ['ET', 4],
      ['HK', 6],
    ],
  },
  {
    code: 'NSI-AIR',
    name: 'Yaoundé Nsimalen Airport',
    kind: 'airport',
    region: 'Centre',
    share: 0.06,
    officers: 7,
    roundTheClock: true,
    modes: 'a',
    transport: [['4', 1]],
    red: 0.16,
    yellow: 0.24,
    blue: 0.05,
    fraudFactor: 1,
    slowness: 0.5,
    exportShare: 0.05,
    transitShare: 0.02,
    partners: [
      ['FR', 30],
      ['CN', 15],
      ['BE', 15],
      ['AE', 10],
      ['US', 10],
      ['ET', 5],
      ['CH', 5],
      ['DE', 5],
    ],
  },
  {
    code: 'GBL-ROAD',
    name: 'Garoua-Boulaï Land Border',
    kind: 'land_border',
    region: 'Est',
    share: 0.08,
    officers: 8,
    roundTheClock: false,
    modes: 'r',
    transport: [['3', 1]],
    red: 0.15,
    yellow: 0.25,
    blue: 0.03,
    fraudFactor: 1.1,
    slowness: 0.8,
    exportShare: 0.1,
    transitShare: 0.35,
    partners: [
      ['CF', 35],
      ['TD', 25],
      ['NG', 20],
      ['CN', 10],
      ['AE', 5],
      ['FR', 5],
    ],
  },
  {
    code: 'KYO-ROAD',
    name: 'Kyé-Ossi Land Border',
    kind: 'land_border',
    region: 'Sud',
    share: 0.08,
    officers: 8,
    roundTheClock: false,
    modes: 'r',
    transport: [['3', 1]],
    red: 0.14,
    yellow: 0.25,
    blue: 0.03,
    fraudFactor: 1.1,
    slowness: 0.9,
    exportShare: 0.2,
    transitShare: 0.15,
    partners: [
      ['GQ', 40],
      ['GA', 35],
      ['CN', 10],
      ['FR', 5],
      ['ES', 10],
    ],
  },
  {
    code: 'YDE-DRY',
    name: 'Yaoundé Dry Port (Mvan)',
    kind: 'inland',
    region: 'Centre',
    share: 0.14,
    officers: 13,
    roundTheClock: false,
    modes: 'sr',
    transport: [
      ['2', 2],
      ['3', 3],
    ],
    red: 0.16,
    yellow: 0.24,
    blue: 0.06,
    fraudFactor: 1,
    slowness: 1.2,
    exportShare: 0.08,
    transitShare: 0.04,
    partners: overseas,
  },
  {
    code: 'YDE-POST',
    name: 'Yaoundé Central Post Office, Customs',
    kind: 'postal',
    region: 'Centre',
    share: 0.05,
    officers: 6,
    roundTheClock: false,
    modes: 'p',
    transport: [['5', 1]],
    red: 0.12,
    yellow: 0.22,
    blue: 0.02,
    fraudFactor: 0.8,
    slowness: 1.6,
    exportShare: 0.05,
    transitShare: 0,
    partners: [
      ['CN', 40],
      ['FR', 20],
      ['US', 15],
      ['GB', 8],
      ['DE', 7],
      ['BE', 5],
      ['CA', 5],
    ],
  },
];

/** Destinations of exports with weights. */
export const exportDestinations: readonly (readonly [string, number])[] = [
  ['NL', 20],
  ['BE', 10],
  ['FR', 12],
  ['IT', 10],
  ['CN', 15],
  ['ES', 6],
  ['US', 5],
  ['MY', 3],
  ['VN', 4],
  ['TD', 5],
  ['CF', 4],
  ['GA', 3],
  ['GQ', 3],
];
