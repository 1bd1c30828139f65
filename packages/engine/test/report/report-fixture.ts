/**
 * A small analysis document in the shape `analysisJson` writes, with every
 * optional section, for the report tests. Figures are made up but coherent:
 * funnel limits are the Poisson approximation 1 ± z/√E.
 */

/** An id written to break out of HTML and of the embedded JSON. */
export const hostileId = '<img src=x onerror="alert(1)">&</script><script>alert(2)</script>';

/** The flagged officer's explanation, in English and French. */
export const flaggedExplanation = {
  en: 'downgraded 41 of 160 red or yellow declarations; 6.2 expected for this office, period and case mix',
  fr: 'a déclassé 41 des 160 déclarations rouges ou jaunes ; 6,2 attendues pour ce bureau, cette période et ce profil de risque',
};

function funnel(indicator: string, kind: string, flaggedUnit: string) {
  const points = Array.from({ length: 30 }, (_, i) => {
    const x = 4 + i * 3;
    const wiggle = Math.sin(i * 1.7) * 0.9;
    return {
      unit: `OFR-${String(i).padStart(8, '0')}`,
      x,
      y: Math.max(0, 1 + wiggle / Math.sqrt(x)),
      q: 0.9,
    };
  });
  points.push({ unit: flaggedUnit, x: 6.2, y: 41 / 6.2, q: 1e-12 });
  const limits = Array.from({ length: 40 }, (_, i) => {
    const x = 3 + i * 2.5;
    const s = 1 / Math.sqrt(x);
    return {
      x,
      lower95: Math.max(0, 1 - 1.96 * s),
      upper95: 1 + 1.96 * s,
      lower998: Math.max(0, 1 - 3.09 * s),
      upper998: 1 + 3.09 * s,
    };
  });
  return {
    indicator,
    kind,
    scale: 'ratio',
    target: 1,
    unitsTested: points.length,
    phi: 1.3,
    tau2: 0.02,
    overdispersed: true,
    points,
    limits,
  };
}

function flag(indicator: string, status: string, q: number, explanation = flaggedExplanation) {
  return {
    indicator,
    status,
    observed: 41,
    expected: 6.2,
    n: 160,
    ratio: 6.6,
    z: 9.1,
    z_raw: 11.2,
    p: q / 10,
    q,
    explanation: explanation.en,
    explanation_fr: explanation.fr,
  };
}

/** A document with units, pairs, funnels and no optional section. */
export function coreDocument(): Record<string, unknown> {
  return {
    dataset: { name: 'Test administration <b>', loadId: 'x', declarations: 12345 },
    generated_at: '2026-11-28T01:51:48.301Z',
    run_id: 'run-1',
    ids: 'pseudonyms',
    config: {
      period: 'quarter',
      fdrLevel: 0.05,
      watchLevel: 0.2,
      minVolume: 30,
      strata: ['office', 'period'],
      workingHours: { start: 7, end: 18, days: [1, 2, 3, 4, 5] },
    },
    indicators_run: ['downgrade', 'manual_assignment'],
    indicators_skipped: [{ id: 'undervaluation', reason: 'no unit-value bands' }],
    units: [
      {
        kind: 'officer',
        id: hostileId,
        office: 'DLA-PORT',
        volume: 470,
        score: 65,
        rank: 1,
        status: 'flagged',
        flags: [flag('downgrade', 'flagged', 1e-12), flag('manual_assignment', 'clear', 0.9)],
      },
      {
        kind: 'officer',
        id: 'OFR-WATCH001',
        office: 'DLA-PORT',
        volume: 300,
        score: 3,
        rank: 2,
        status: 'watch',
        flags: [
          flag('manual_assignment', 'watch', 0.1, {
            en: 'received 30 of 300 declarations by manual assignment; 12 expected',
            fr: 'a reçu 30 des 300 déclarations par affectation manuelle ; 12 attendues',
          }),
        ],
      },
      ...Array.from({ length: 30 }, (_, i) => ({
        kind: 'officer',
        id: `OFR-${String(i).padStart(8, '0')}`,
        office: 'YDE-DRY',
        volume: 100 + i,
        score: 0,
        rank: 3 + i,
        status: 'clear',
        flags: [flag('downgrade', 'clear', 0.9)],
      })),
      {
        kind: 'declarant',
        id: 'DCL-AAAAAAAA',
        office: 'DLA-PORT',
        volume: 1100,
        score: 20,
        rank: 1,
        status: 'flagged',
        flags: [flag('downgrade', 'flagged', 0.001)],
      },
      {
        kind: 'trader',
        id: 'TRD-BBBBBBBB',
        office: 'DLA-PORT',
        volume: 5,
        score: 0,
        rank: 1,
        status: 'insufficient_data',
        flags: [],
      },
    ],
    pairs: [
      {
        officer: hostileId,
        declarant: 'DCL-AAAAAAAA',
        office: 'DLA-PORT',
        observed: 269,
        expected: 29.3,
        lift: 9.2,
        manual: 265,
        periods: 4,
        p: 1e-150,
        q: 1e-148,
      },
      {
        officer: 'OFR-00000001',
        declarant: 'DCL-CCCCCCCC',
        office: 'YDE-DRY',
        observed: 12,
        expected: 10,
        lift: 1.2,
        manual: 1,
        periods: 2,
        p: 0.3,
        q: 0.9,
      },
    ],
    pairs_observed: 40,
    funnels: [
      funnel('downgrade', 'officer', hostileId),
      funnel('manual_assignment', 'officer', 'OFR-WATCH001'),
    ],
  };
}

/** The core document with release times, performance indicators and the mirror analysis. */
export function fullDocument(): Record<string, unknown> {
  const releaseRow = (breakdown: string, groupValue: string | null, median: number) => ({
    segment: 'lodgement_release',
    breakdown,
    groupValue,
    period: null,
    n: 1000,
    nExcluded: 3,
    nNegative: 0,
    nFromDeclaration: 1000,
    meanHours: median * 1.4,
    medianHours: median,
    p90Hours: median * 3,
    minHours: 0.1,
    maxHours: 400,
    within24h: 0.7,
    within48h: 0.85,
    source: 'declaration',
  });
  return {
    ...coreDocument(),
    release_times: {
      table: 'analysis_release_times',
      maxHours: 2160,
      extremeRule: {
        en: 'durations above 2160 hours are set aside',
        fr: 'les durées de plus de 2160 heures sont écartées',
      },
      segments: [
        {
          id: 'lodgement_release',
          from: 'lodgement',
          to: 'release',
          name: { en: 'Lodgement to release', fr: 'Du dépôt à la mainlevée' },
          endsAtRelease: true,
          declarationFallback: true,
        },
      ],
      coverage: {
        declarations: 12345,
        withMilestones: 10000,
        lodgementReleaseFromDeclaration: 2345,
      },
      rows: [
        releaseRow('overall', null, 8.7),
        releaseRow('channel', 'red', 67.9),
        releaseRow('channel', 'green', 3.5),
        releaseRow('office', 'DLA-PORT', 8.3),
        releaseRow('office', hostileId, 20.1),
        releaseRow('transport_mode', '1', 9),
      ],
    },
    performance: {
      table: 'analysis_performance',
      dimensions: [
        {
          id: 'trade_facilitation',
          name: {
            en: 'Trade facilitation and economic competitiveness',
            fr: 'Facilitation des échanges et compétitivité économique',
          },
        },
      ],
      catalogue: [
        {
          id: 'share_green',
          name: { en: 'Green channel share', fr: 'Part du circuit vert' },
          definition: {
            en: 'Share of declarations in green.',
            fr: 'Part des déclarations en vert.',
          },
          unit: 'share',
          direction: 'higher_is_better',
          dimension: 'trade_facilitation',
        },
        {
          id: 'release_time_median',
          name: { en: 'Median release time', fr: 'Délai médian de mainlevée' },
          definition: { en: 'Median hours.', fr: 'Heures médianes.' },
          unit: 'hours',
          direction: 'lower_is_better',
          dimension: 'trade_facilitation',
        },
      ],
      rows: [
        {
          indicatorId: 'share_green',
          officeCode: null,
          period: null,
          value: 0.56,
          numerator: 56,
          denominator: 100,
        },
        {
          indicatorId: 'share_green',
          officeCode: 'DLA-PORT',
          period: null,
          value: 0.586,
          numerator: 58,
          denominator: 99,
        },
        {
          indicatorId: 'release_time_median',
          officeCode: null,
          period: null,
          value: 8.7,
          numerator: null,
          denominator: null,
        },
      ],
    },
    mirror: {
      currency: 'XAF',
      currencySource: 'dataset',
      cifFobFactor: 1.06,
      topShare: 0.1,
      available: true,
      notes: ['12 import items without a partner country were left out.'],
      cells: [
        {
          hs6: '271019',
          partner_country: 'CN',
          period: '2025-08',
          grain: 'month',
          declarations: 10,
          items: 12,
          declared_national: 1,
          declared_usd: 2828936,
          partner_fob_usd: 3828355,
          partner_cif_usd: 4058057,
          gap_usd: 1229121,
          ratio: 1.43,
          log_gap: 0.36,
          gap_rank: 1,
          top_gap: true,
        },
        {
          hs6: '100199',
          partner_country: 'JP',
          period: '2025-09',
          grain: 'month',
          declarations: 4,
          items: 4,
          declared_national: 1,
          declared_usd: 587502,
          partner_fob_usd: 1507376,
          partner_cif_usd: 1597819,
          gap_usd: 1010317,
          ratio: 2.72,
          log_gap: 1.0,
          gap_rank: 2,
          top_gap: true,
        },
      ],
      tariffGap: {
        slope: 0.0019,
        se: 0.0003,
        intercept: 0.03,
        n: 4,
        r2: 0.18,
        productsWithoutTariff: 0,
        productsWithoutLogGap: 0,
        points: [
          { hs6: '271019', tariff_pct: 10, log_gap: 0.05, weight: 0.3 },
          { hs6: '100199', tariff_pct: 30, log_gap: 0.1, weight: 0.2 },
          { hs6: '870323', tariff_pct: 20, log_gap: 0.07, weight: 0.4 },
          { hs6: '640399', tariff_pct: 5, log_gap: 0.02, weight: 0.1 },
        ],
      },
      declarants: [
        {
          kind: 'declarant',
          unit_id: 'BROKER-REAL-ID',
          declarations: 240,
          declared_usd: 1,
          top_gap_declarations: 106,
          top_gap_usd: 1,
          share_in_top: 0.48,
          overall_share: 0.397,
          lift: 1.2,
          excess_usd: 5000,
          rank: 1,
        },
        {
          kind: 'declarant',
          unit_id: 'DCL-SW0RCMGA',
          declarations: 100,
          declared_usd: 1,
          top_gap_declarations: 10,
          top_gap_usd: 1,
          share_in_top: 0.1,
          overall_share: 0.1,
          lift: 1,
          excess_usd: 0,
          rank: 2,
        },
      ],
      offices: [
        {
          kind: 'office',
          unit_id: 'DLA-PORT',
          declarations: 500,
          declared_usd: 1,
          top_gap_declarations: 200,
          top_gap_usd: 1,
          share_in_top: 0.6,
          overall_share: 0.4,
          lift: 1.5,
          excess_usd: 9000,
          rank: 1,
        },
      ],
      coverage: { importItems: 100 },
    },
  };
}
