import { z } from 'zod';

const hour = z.number().int().min(0).max(24);

/** Working hours of an office, local time: releases outside them count as off-hours. */
const workingHoursSchema = z
  .object({
    /** First working hour (inclusive), 0–24. */
    start: hour.default(7),
    /** Hour the working day ends (exclusive), 0–24. */
    end: hour.default(18),
    /** ISO weekdays worked: 1 = Monday … 7 = Sunday. */
    days: z.array(z.number().int().min(1).max(7)).min(1).default([1, 2, 3, 4, 5]),
  })
  .strict()
  .refine((w) => w.end > w.start, 'end must be after start');

/**
 * Every threshold and choice of the analysis, validated, with the documented
 * defaults (docs/indicators.md). Field names are the keys of the `--config`
 * JSON file.
 */
export const analysisConfigSchema = z
  .object({
    /** Peer period: units are compared within the same month, quarter or year. */
    period: z.enum(['month', 'quarter', 'year']).default('quarter'),
    /** False discovery rate: an indicator with q below it flags the unit. */
    fdrLevel: z.number().gt(0).max(0.5).default(0.05),
    /** An indicator with q below this (but not below fdrLevel) puts the unit on watch. */
    watchLevel: z.number().gt(0).max(1).default(0.2),
    /** Fewer eligible declarations than this: "insufficient_data", never flagged. */
    minVolume: z.number().int().min(1).default(30),
    /** Strata of the case-mix adjustment, for officer, declarant and trader units. */
    strata: z
      .array(z.enum(['office', 'period', 'risk_channel', 'hs_section']))
      .min(1)
      .default(['office', 'period', 'risk_channel', 'hs_section']),
    /** Share of each tail winsorised when estimating over-dispersion (Spiegelhalter 2005). */
    winsorize: z.number().min(0).max(0.25).default(0.1),
    /** fast_red: a release below this quantile of its stratum counts as fast. */
    fastReleaseQuantile: z.number().gt(0).lt(0.5).default(0.05),
    /** Working hours for off_hours, by default and per office code. */
    workingHours: workingHoursSchema.default({ start: 7, end: 18, days: [1, 2, 3, 4, 5] }),
    officeWorkingHours: z.record(z.string(), workingHoursSchema).default({}),
    /** Unit-value bands: median ± k·MAD of log value per kg. */
    madK: z.number().gt(0).default(3),
    /** Fewest items to form a unit-value band (per HS6, or HS6 × origin). */
    minBandItems: z.number().int().min(5).default(20),
    /** Mirror analysis: CIF value = partner FOB value × this factor. */
    cifFobFactor: z.number().min(1).max(2).default(1.06),
    /** Mirror analysis: share of the largest gaps used for declarant and office shares. */
    mirrorTopShare: z.number().gt(0).max(0.5).default(0.1),
    /** Time Release Study: durations above this many hours are extreme and left out. */
    trsMaxHours: z
      .number()
      .gt(0)
      .default(24 * 90),
    /** Pair concentration: pairs seen fewer times than this are not tested. */
    pairMinObserved: z.number().int().min(1).default(5),
    /** Key of the pseudonyms (HMAC-SHA-256). Set your own: anyone with the key can re-identify. */
    pseudonymKey: z.string().min(8).default('probity-demo-pseudonym-key'),
  })
  .strict();

/** The validated analysis configuration. */
export type AnalysisConfig = Readonly<z.infer<typeof analysisConfigSchema>>;

/** Validates a configuration (from a JSON file or code); unknown keys are refused. */
export function parseAnalysisConfig(input: unknown, source = 'configuration'): AnalysisConfig {
  const parsed = analysisConfigSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || '(top level)';
    throw new AnalysisConfigError(`${source}: field ${field}: ${issue?.message ?? 'invalid'}`);
  }
  return Object.freeze(parsed.data);
}

/** The default configuration. */
export const defaultAnalysisConfig: AnalysisConfig = parseAnalysisConfig({});

/** A configuration that does not validate. */
export class AnalysisConfigError extends Error {
  readonly code = 'PROBITY_BAD_CONFIG';
  constructor(message: string) {
    super(message);
    this.name = 'AnalysisConfigError';
  }
}
