import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** Placeholder written by CORE so app.ts compiles; the owner replaces this file with the real routes. */
const routes: FastifyPluginAsyncTypebox = async () => {};
export default routes;
