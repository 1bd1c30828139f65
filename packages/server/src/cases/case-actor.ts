import type { FastifyRequest } from 'fastify';
import { unauthenticated } from '../errors.js';
import type { CaseActor } from './case-types.js';

/** The signed-in person as a case actor (route role checks have already run). */
export function caseActorOf(request: FastifyRequest): CaseActor {
  if (!request.user) throw unauthenticated();
  return { id: request.user.id, role: request.user.role };
}
