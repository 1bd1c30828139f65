import type { FastifyInstance } from 'fastify';
import { releaseSegments } from '@probity/engine';
import { evidenceInMemory } from './evidence-queries.js';
import { funnelIndex } from './funnel-queries.js';
import { mirrorOverview } from './mirror-queries.js';
import { overview } from './overview-queries.js';
import { allPairs, pairsOfUnit } from './pair-queries.js';
import { releaseTimesOfRun, segmentHistogramRows } from './release-time-queries.js';
import { evidenceCountsByUnit, flagsByUnit, unitIndex } from './unit-queries.js';

/** Segments whose histograms are computed ahead (the two the release-times page opens with). */
const warmSegments = ['lodgement_release', 'arrival_release'];

/**
 * Computes ahead, in the background, the answers every dashboard opens
 * with (overview, release times and their main histograms, ranked units,
 * pairs, funnels, mirror, the declarations behind the flags), so the first user does not wait seconds on a
 * large warehouse. Call after the server listens; resolves to false when
 * there is no warehouse or no analysis (nothing to warm), true otherwise.
 */
export async function warmAnalytics(app: FastifyInstance): Promise<boolean> {
  const service = app.analytics;
  if (!service.reader) return false;
  const run = await service.currentRun().catch(() => null);
  if (!run) return false;
  const reader = service.reader;
  await service.forRun('overview', null, overview);
  const { maxHours } = await service.forRun('release-times', null, releaseTimesOfRun);
  for (const segment of releaseSegments.filter((s) => warmSegments.includes(s.id))) {
    await segmentHistogramRows(service, reader, segment, maxHours);
  }
  await service.forRun('units', null, () => unitIndex(service, run, reader));
  await allPairs(service, run, reader);
  // The unit pages: every unit's indicators, evidence counts and pairs, indexed once.
  await flagsByUnit(service, reader);
  await evidenceCountsByUnit(service, reader);
  await pairsOfUnit(service, run, reader, 'officer', '');
  await funnelIndex(service, run, reader);
  await service.forRun('mirror', null, () => mirrorOverview(service, run, reader));
  await evidenceInMemory(service, run, reader);
  return true;
}
