import type { ProbityApp } from '../../src/app.js';
import { buildApp } from '../../src/app.js';
import { serverConfig } from '../../src/config.js';
import type { ServerConfigInput } from '../../src/config.js';
import { openStore } from '../../src/store/database.js';

/** Build an app on a fresh in-memory SQLite store, without a warehouse unless given. */
export async function testApp(
  overrides: Partial<ServerConfigInput> = {},
  deps: Parameters<typeof buildApp>[1] = {},
): Promise<ProbityApp> {
  const config = serverConfig({
    stateFile: ':memory:',
    pseudonymKey: 'probity-demo-pseudonym-key',
    cookieSecure: false,
    ...overrides,
  });
  const store = openStore(':memory:');
  const app = await buildApp(config, { warehouse: null, ...deps, store });
  app.addHook('onClose', async () => store.close());
  await app.ready();
  return app;
}
