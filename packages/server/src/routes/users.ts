import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** Routes being written. */
const routes: FastifyPluginAsyncTypebox = async () => {};
export default routes;
