import type { FastifyReply } from 'fastify';
import type { AnalyticsReader } from './analytics-reader.js';
import type { AnalysisRun, AnalyticsService } from './analytics-service.js';

/**
 * Sends the answer `name(params)` of the current run as JSON, serialised
 * once per run by the route's own response schema (so nothing the schema
 * leaves out can leak) and then served from the cache as text: big answers
 * cost their serialisation once, not once per request.
 */
export async function sendRunAnswer<T>(
  reply: FastifyReply,
  service: AnalyticsService,
  name: string,
  params: unknown,
  compute: (run: AnalysisRun, reader: AnalyticsReader) => Promise<T> | T,
): Promise<FastifyReply> {
  const json = await service.pageForRun(`json:${name}`, params, async (run, reader) =>
    reply.serialize(await compute(run, reader)),
  );
  return reply.type('application/json; charset=utf-8').send(json);
}

/** Like {@link sendRunAnswer} for answers about the loaded data, cached under `version`. */
export async function sendDataAnswer<T>(
  reply: FastifyReply,
  service: AnalyticsService,
  version: string,
  name: string,
  params: unknown,
  compute: () => Promise<T>,
): Promise<FastifyReply> {
  const json = await service.pageForData(version, `json:${name}`, params, async () =>
    reply.serialize(await compute()),
  );
  return reply.type('application/json; charset=utf-8').send(json);
}
